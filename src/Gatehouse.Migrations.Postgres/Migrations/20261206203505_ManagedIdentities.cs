using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Postgres
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
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "IdentityHeaderSalt",
                table: "ServicePrincipals",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ManagedIdentityType",
                table: "ServicePrincipals",
                type: "character varying(16)",
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
