using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_DataverseContacts_TenantId_FullName",
                table: "DataverseContacts");

            migrationBuilder.DropIndex(
                name: "IX_DataverseAccounts_TenantId_Name",
                table: "DataverseAccounts");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedFullName",
                table: "DataverseContacts",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedName",
                table: "DataverseAccounts",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                collation: "C");

            migrationBuilder.Sql("UPDATE \"DataverseAccounts\" SET \"NormalizedName\" = upper(\"Name\");");
            migrationBuilder.Sql("UPDATE \"DataverseContacts\" SET \"NormalizedFullName\" = upper(\"FullName\");");

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName_Id",
                table: "Users",
                columns: new[] { "TenantId", "NormalizedDisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseContacts_TenantId_NormalizedFullName_Id",
                table: "DataverseContacts",
                columns: new[] { "TenantId", "NormalizedFullName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseAccounts_TenantId_NormalizedName_Id",
                table: "DataverseAccounts",
                columns: new[] { "TenantId", "NormalizedName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName_Id",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_DataverseContacts_TenantId_NormalizedFullName_Id",
                table: "DataverseContacts");

            migrationBuilder.DropIndex(
                name: "IX_DataverseAccounts_TenantId_NormalizedName_Id",
                table: "DataverseAccounts");

            migrationBuilder.DropColumn(
                name: "NormalizedFullName",
                table: "DataverseContacts");

            migrationBuilder.DropColumn(
                name: "NormalizedName",
                table: "DataverseAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName",
                table: "Users",
                columns: new[] { "TenantId", "NormalizedDisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseContacts_TenantId_FullName",
                table: "DataverseContacts",
                columns: new[] { "TenantId", "FullName" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseAccounts_TenantId_Name",
                table: "DataverseAccounts",
                columns: new[] { "TenantId", "Name" });
        }
    }
}
