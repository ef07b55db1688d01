using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Postgres
{
    /// <summary>
    /// The hub's organizations, users and instances are cached per node as the token service's snapshots are: a write to
    /// them sends NOTIFY gatehouse_changes too, so that every node drops what it kept.
    /// </summary>
    public partial class HubChangeNotifications : Migration
    {
        private static readonly string[] NotifyingTables = ["HubOrganizations", "HubUsers", "HubInstances"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in NotifyingTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER gatehouse_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in NotifyingTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER gatehouse_changes ON "{table}";""");
            }
        }
    }
}
