using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActivityLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivityDisplayName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OperationType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InitiatorType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    InitiatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    InitiatorAppId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InitiatorDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    InitiatorUserPrincipalName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    InitiatorIpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TargetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TargetType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TargetUserPrincipalName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ModifiedProperties = table.Column<string>(type: "text", nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EventType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserPrincipalName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserPrincipalName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AppId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AppDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ServicePrincipalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResourceId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ResourceDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GrantType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ErrorCode = table.Column<int>(type: "integer", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ClientCredentialType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CredentialKeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    SecretHint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CertificateThumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInLogs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryAudits_ActivityDateTime",
                table: "DirectoryAudits",
                column: "ActivityDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryAudits_TenantId_ActivityDateTime_Id",
                table: "DirectoryAudits",
                columns: new[] { "TenantId", "ActivityDateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInLogs_CreatedDateTime",
                table: "SignInLogs",
                column: "CreatedDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_SignInLogs_TenantId_CreatedDateTime_Id",
                table: "SignInLogs",
                columns: new[] { "TenantId", "CreatedDateTime", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryAudits");

            migrationBuilder.DropTable(
                name: "SignInLogs");
        }
    }
}
