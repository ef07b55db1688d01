using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GraphUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "NormalizedUserPrincipalName",
                table: "Users",
                type: "character varying(113)",
                maxLength: 113,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(113)",
                oldMaxLength: 113);

            migrationBuilder.AddColumn<List<string>>(
                name: "BusinessPhones",
                table: "Users",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompanyName",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmployeeId",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MailNickname",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MobilePhone",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedDisplayName",
                table: "Users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "OfficeLocation",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "Users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UsageLocation",
                table: "Users",
                type: "text",
                nullable: true);

            // Users made before the column existed: their display names, upper-cased as User.Normalize does for ASCII.
            migrationBuilder.Sql("UPDATE \"Users\" SET \"NormalizedDisplayName\" = upper(\"DisplayName\");");

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName",
                table: "Users",
                columns: new[] { "TenantId", "NormalizedDisplayName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "BusinessPhones",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "City",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "CompanyName",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Country",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "EmployeeId",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "MailNickname",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "MobilePhone",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "NormalizedDisplayName",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "OfficeLocation",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "UsageLocation",
                table: "Users");

            migrationBuilder.AlterColumn<string>(
                name: "NormalizedUserPrincipalName",
                table: "Users",
                type: "character varying(113)",
                maxLength: 113,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(113)",
                oldMaxLength: 113,
                oldCollation: "C");
        }
    }
}
