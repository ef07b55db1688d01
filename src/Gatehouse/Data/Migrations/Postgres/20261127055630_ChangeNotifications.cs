using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
{
    /// <summary>
    /// Every write to a directory table sends NOTIFY gatehouse_changes at commit, so that every node drops its cached
    /// snapshots (PostgresChangeListener).
    /// </summary>
    public partial class ChangeNotifications : Migration
    {
        private static readonly string[] Tables =
        [
            "Tenants", "TenantDomains", "Users", "Groups", "GroupMembers", "GroupOwners", "DirectoryRoleMembers",
            "Applications", "ApplicationOwners", "PasswordCredentials", "KeyCredentials", "ServicePrincipals",
            "AppRoleAssignments", "OAuth2PermissionGrants", "SigningKeys",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION gatehouse_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('gatehouse_changes', TG_TABLE_NAME);
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
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
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER gatehouse_changes ON "{table}";""");
            }

            migrationBuilder.Sql("DROP FUNCTION gatehouse_notify_change();");
        }
    }
}
