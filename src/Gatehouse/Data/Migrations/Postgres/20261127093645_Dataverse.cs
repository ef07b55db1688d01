using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dataverse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataverseAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    AccountNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Telephone1 = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EmailAddress1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WebsiteUrl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Address1Line1 = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    Address1City = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Address1PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Address1Country = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Revenue = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    NumberOfEmployees = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PrimaryContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VersionNumber = table.Column<long>(type: "bigint", nullable: false),
                    StateCode = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LastName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FullName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    EmailAddress1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Telephone1 = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MobilePhone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    JobTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ParentCustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentCustomerType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VersionNumber = table.Column<long>(type: "bigint", nullable: false),
                    StateCode = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LastName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FullName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    CompanyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EmailAddress1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Telephone1 = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LeadSourceCode = table.Column<int>(type: "integer", nullable: true),
                    ParentAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VersionNumber = table.Column<long>(type: "bigint", nullable: false),
                    StateCode = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseOpportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    EstimatedValue = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    EstimatedCloseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseProbability = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ParentAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VersionNumber = table.Column<long>(type: "bigint", nullable: false),
                    StateCode = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseOpportunities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseSystemUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    DomainName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    InternalEmailAddress = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AzureActiveDirectoryObjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessMode = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VersionNumber = table.Column<long>(type: "bigint", nullable: false),
                    StateCode = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseSystemUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseSystemUserRoles",
                columns: table => new
                {
                    SystemUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseSystemUserRoles", x => new { x.SystemUserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_DataverseSystemUserRoles_DataverseSystemUsers_SystemUserId",
                        column: x => x.SystemUserId,
                        principalTable: "DataverseSystemUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseAccounts_TenantId_Name",
                table: "DataverseAccounts",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseAccounts_TenantId_OwnerId",
                table: "DataverseAccounts",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseContacts_TenantId_FullName",
                table: "DataverseContacts",
                columns: new[] { "TenantId", "FullName" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseContacts_TenantId_OwnerId",
                table: "DataverseContacts",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseLeads_TenantId_OwnerId",
                table: "DataverseLeads",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseOpportunities_TenantId_OwnerId",
                table: "DataverseOpportunities",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseSystemUsers_TenantId_ApplicationId",
                table: "DataverseSystemUsers",
                columns: new[] { "TenantId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataverseSystemUsers_TenantId_AzureActiveDirectoryObjectId",
                table: "DataverseSystemUsers",
                columns: new[] { "TenantId", "AzureActiveDirectoryObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataverseSystemUsers_TenantId_OwnerId",
                table: "DataverseSystemUsers",
                columns: new[] { "TenantId", "OwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataverseAccounts");

            migrationBuilder.DropTable(
                name: "DataverseContacts");

            migrationBuilder.DropTable(
                name: "DataverseLeads");

            migrationBuilder.DropTable(
                name: "DataverseOpportunities");

            migrationBuilder.DropTable(
                name: "DataverseSystemUserRoles");

            migrationBuilder.DropTable(
                name: "DataverseSystemUsers");
        }
    }
}
