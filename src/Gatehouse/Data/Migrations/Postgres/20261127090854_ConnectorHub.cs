using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConnectorHub : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HubOrganizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretLookup = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "bytea", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubOrganizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubInstances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElementKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Tags = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    TokenLookup = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TokenSalt = table.Column<byte[]>(type: "bytea", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    GrantType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApiKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CallbackUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Scope = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    Tenant = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProtectedApiSecret = table.Column<string>(type: "text", nullable: false),
                    ProtectedAccessToken = table.Column<string>(type: "text", nullable: true),
                    ProtectedRefreshToken = table.Column<string>(type: "text", nullable: true),
                    AccessTokenExpiresDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    ProblemCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProblemMessage = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    LastRefreshDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefreshCount = table.Column<int>(type: "integer", nullable: false),
                    ApiSecretExpiresDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApiSecretExpirySource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SecretExpiryNotifiedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EventsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    EventCallbackUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ProtectedEventSignatureKey = table.Column<string>(type: "text", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseExpiresDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubInstances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HubInstances_HubOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "HubOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HubUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretLookup = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "bytea", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HubUsers_HubOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "HubOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HubEventDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    EventType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastResult = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextAttemptDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubEventDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HubEventDeliveries_HubInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "HubInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HubEventDeliveries_InstanceId",
                table: "HubEventDeliveries",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_HubEventDeliveries_NextAttemptDateTime",
                table: "HubEventDeliveries",
                column: "NextAttemptDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_HubInstances_AccessTokenExpiresDateTime",
                table: "HubInstances",
                column: "AccessTokenExpiresDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_HubInstances_OrganizationId",
                table: "HubInstances",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_HubInstances_TokenLookup",
                table: "HubInstances",
                column: "TokenLookup");

            migrationBuilder.CreateIndex(
                name: "IX_HubOrganizations_SecretLookup",
                table: "HubOrganizations",
                column: "SecretLookup");

            migrationBuilder.CreateIndex(
                name: "IX_HubUsers_OrganizationId",
                table: "HubUsers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_HubUsers_SecretLookup",
                table: "HubUsers",
                column: "SecretLookup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HubEventDeliveries");

            migrationBuilder.DropTable(
                name: "HubUsers");

            migrationBuilder.DropTable(
                name: "HubInstances");

            migrationBuilder.DropTable(
                name: "HubOrganizations");
        }
    }
}
