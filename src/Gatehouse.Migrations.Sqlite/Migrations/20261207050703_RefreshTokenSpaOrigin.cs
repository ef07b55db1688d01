using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Sqlite
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
                type: "TEXT",
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
