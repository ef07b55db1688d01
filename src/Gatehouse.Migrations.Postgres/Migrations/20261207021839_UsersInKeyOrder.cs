using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UsersInKeyOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_Id",
                table: "Users",
                columns: new[] { "TenantId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_TenantId_Id",
                table: "Users");
        }
    }
}
