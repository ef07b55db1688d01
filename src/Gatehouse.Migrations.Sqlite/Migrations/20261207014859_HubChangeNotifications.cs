using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Sqlite
{
    /// <summary>
    /// PostgreSQL's change notifications for the hub's tables; SQLite has no triggers to add (SqliteChangeWatcher notices
    /// every other connection's commit).
    /// </summary>
    public partial class HubChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
