using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Postgres
{
    /// <summary>
    /// The store's clock offset (time travel for tests): one row every node follows, so a write to it sends NOTIFY
    /// gatehouse_changes like the directory tables, and every node reads it again.
    /// </summary>
    public partial class ClockOffsets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClockOffsets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    OffsetTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockOffsets", x => x.Id);
                });

            migrationBuilder.Sql("""
                CREATE TRIGGER gatehouse_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ClockOffsets"
                FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClockOffsets");
        }
    }
}
