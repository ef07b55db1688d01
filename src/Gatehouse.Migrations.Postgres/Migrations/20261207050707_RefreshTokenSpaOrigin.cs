using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RefreshTokenSpaOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SpaOrigin",
                table: "RefreshTokens",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SpaOrigin",
                table: "RefreshTokens");
        }
    }
}
