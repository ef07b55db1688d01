using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
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
                type: "character varying(2048)",
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
