using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManagedIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "IdentityHeaderHash",
                table: "ServicePrincipals",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "IdentityHeaderSalt",
                table: "ServicePrincipals",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ManagedIdentityType",
                table: "ServicePrincipals",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdentityHeaderHash",
                table: "ServicePrincipals");

            migrationBuilder.DropColumn(
                name: "IdentityHeaderSalt",
                table: "ServicePrincipals");

            migrationBuilder.DropColumn(
                name: "ManagedIdentityType",
                table: "ServicePrincipals");
        }
    }
}
