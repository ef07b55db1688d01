using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dynamics365Instances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrganizationUrl",
                table: "HubInstances",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OrganizationUrl",
                table: "HubInstances");
        }
    }
}
