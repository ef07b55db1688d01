using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Migrations.Sqlite
{
    /// <summary>
    /// The schema of the ten migrations it squashed (<see cref="SqliteMigrations.SquashedIntoInitial"/>), as they left
    /// it: columns in their order, and the defaults of the columns they added to existing tables, which the model does
    /// not have (Applications.EnableIdTokenIssuance, Groups.GroupTypes and NormalizedDisplayName, Users.BusinessPhones
    /// and NormalizedDisplayName).
    /// </summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppRoleAssignments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrincipalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrincipalType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppRoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppRoleAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SignInAudience = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdentifierUris = table.Column<string>(type: "TEXT", nullable: false),
                    WebRedirectUris = table.Column<string>(type: "TEXT", nullable: false),
                    WebHomePageUrl = table.Column<string>(type: "TEXT", nullable: true),
                    WebLogoutUrl = table.Column<string>(type: "TEXT", nullable: true),
                    SpaRedirectUris = table.Column<string>(type: "TEXT", nullable: false),
                    PublicClientRedirectUris = table.Column<string>(type: "TEXT", nullable: false),
                    IsFallbackPublicClient = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedAccessTokenVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    AppRoles = table.Column<string>(type: "TEXT", nullable: true),
                    Oauth2PermissionScopes = table.Column<string>(type: "TEXT", nullable: true),
                    RequiredResourceAccess = table.Column<string>(type: "TEXT", nullable: true),
                    EnableIdTokenIssuance = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuthorizationCodes",
                columns: table => new
                {
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RedirectUri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    ResourceAppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    CodeChallenge = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CodeChallengeMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Redeemed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorizationCodes", x => x.CodeHash);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Telephone1 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EmailAddress1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WebsiteUrl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address1Line1 = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    Address1City = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Address1PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Address1Country = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Revenue = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    NumberOfEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PrimaryContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    EmailAddress1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Telephone1 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MobilePhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ParentCustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentCustomerType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalizedFullName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EmailAddress1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Telephone1 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LeadSourceCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseOpportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EstimatedValue = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    EstimatedCloseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseProbability = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ParentAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseOpportunities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataverseSystemUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    DomainName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    InternalEmailAddress = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AzureActiveDirectoryObjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessMode = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataverseSystemUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeviceAuthorizations",
                columns: table => new
                {
                    DeviceCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceAppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPolledDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceAuthorizations", x => x.DeviceCodeHash);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NormalizedDisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AccountEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    OperatingSystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OperatingSystemVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TrustType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IsCompliant = table.Column<bool>(type: "INTEGER", nullable: true),
                    IsManaged = table.Column<bool>(type: "INTEGER", nullable: true),
                    RegistrationDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ApproximateLastSignInDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryRoleMembers",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleTemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrincipalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrincipalType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryRoleMembers", x => new { x.TenantId, x.RoleTemplateId, x.PrincipalId });
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    MailNickname = table.Column<string>(type: "TEXT", nullable: false),
                    MailEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecurityEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupTypes = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    NormalizedDisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubOrganizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretLookup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubOrganizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OAuth2PermissionGrants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrincipalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OAuth2PermissionGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RefreshTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorizationCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceAppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    IsPublicClient = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshTokens", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "ServicePrincipals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppOwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServicePrincipalType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AppRoleAssignmentRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicePrincipals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Kid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Certificate = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ProtectedPrivateKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Kid);
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    UsersCanRegisterApplications = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxSecretLifetimeDays = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsedClientAssertions",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jti = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedClientAssertions", x => new { x.ClientId, x.Jti });
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FailedSignInCount = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", nullable: true),
                    HasWellKnownPassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    Mail = table.Column<string>(type: "TEXT", nullable: true),
                    ManagerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NormalizedUserPrincipalName = table.Column<string>(type: "TEXT", maxLength: 113, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    Surname = table.Column<string>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserPrincipalName = table.Column<string>(type: "TEXT", maxLength: 113, nullable: false),
                    UserType = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessPhones = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    City = table.Column<string>(type: "TEXT", nullable: true),
                    CompanyName = table.Column<string>(type: "TEXT", nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    EmployeeId = table.Column<string>(type: "TEXT", nullable: true),
                    MailNickname = table.Column<string>(type: "TEXT", nullable: true),
                    MobilePhone = table.Column<string>(type: "TEXT", nullable: true),
                    NormalizedDisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false, defaultValue: ""),
                    OfficeLocation = table.Column<string>(type: "TEXT", nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", nullable: true),
                    UsageLocation = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_Users_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationOwners",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationOwners", x => new { x.ApplicationId, x.OwnerId });
                    table.ForeignKey(
                        name: "FK_ApplicationOwners_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyCredentials",
                columns: table => new
                {
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Thumbprint = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CustomKeyIdentifier = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StartDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    EndDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Usage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyCredentials", x => x.KeyId);
                    table.ForeignKey(
                        name: "FK_KeyCredentials_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PasswordCredentials",
                columns: table => new
                {
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    EndDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordCredentials", x => x.KeyId);
                    table.ForeignKey(
                        name: "FK_PasswordCredentials_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DataverseSystemUserRoles",
                columns: table => new
                {
                    SystemUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "GroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMembers", x => new { x.GroupId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_GroupMembers_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupOwners",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupOwners", x => new { x.GroupId, x.OwnerId });
                    table.ForeignKey(
                        name: "FK_GroupOwners_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HubInstances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    TokenLookup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TokenSalt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    GrantType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApiKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProtectedApiSecret = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedAccessToken = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedRefreshToken = table.Column<string>(type: "TEXT", nullable: true),
                    AccessTokenExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProblemCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProblemMessage = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    LastRefreshDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    RefreshCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ApiSecretExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ApiSecretExpirySource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SecretExpiryNotifiedDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    EventsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EventCallbackUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ProtectedEventSignatureKey = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretLookup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "TenantDomains",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsInitial = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVerified = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantDomains", x => x.Name);
                    table.ForeignKey(
                        name: "FK_TenantDomains_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Calendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Color = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsDefaultCalendar = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calendars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calendars_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HubEventDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastResult = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredDateTime = table.Column<long>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    BodyContentType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BodyContent = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    StartTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    EndTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsAllDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    LocationDisplayName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    OrganizerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OrganizerAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    ShowAs = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Importance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sensitivity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsReminderOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReminderMinutesBeforeStart = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ICalUId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_Calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "Calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppRoleAssignments_PrincipalId_ResourceId_AppRoleId",
                table: "AppRoleAssignments",
                columns: new[] { "PrincipalId", "ResourceId", "AppRoleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppRoleAssignments_ResourceId",
                table: "AppRoleAssignments",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationOwners_OwnerId",
                table: "ApplicationOwners",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AppId",
                table: "Applications",
                column: "AppId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_TenantId_DisplayName",
                table: "Applications",
                columns: new[] { "TenantId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorizationCodes_ExpiresDateTime",
                table: "AuthorizationCodes",
                column: "ExpiresDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_Calendars_OwnerId",
                table: "Calendars",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Calendars_TenantId_OwnerId",
                table: "Calendars",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseAccounts_TenantId_NormalizedName_Id",
                table: "DataverseAccounts",
                columns: new[] { "TenantId", "NormalizedName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseAccounts_TenantId_OwnerId",
                table: "DataverseAccounts",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataverseContacts_TenantId_NormalizedFullName_Id",
                table: "DataverseContacts",
                columns: new[] { "TenantId", "NormalizedFullName", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_DeviceAuthorizations_ExpiresDateTime",
                table: "DeviceAuthorizations",
                column: "ExpiresDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceAuthorizations_UserCodeHash",
                table: "DeviceAuthorizations",
                column: "UserCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_TenantId_DeviceId",
                table: "Devices",
                columns: new[] { "TenantId", "DeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_TenantId_NormalizedDisplayName_Id",
                table: "Devices",
                columns: new[] { "TenantId", "NormalizedDisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryRoleMembers_PrincipalId",
                table: "DirectoryRoleMembers",
                column: "PrincipalId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CalendarId_Start",
                table: "Events",
                columns: new[] { "CalendarId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_OwnerId_Start_End",
                table: "Events",
                columns: new[] { "OwnerId", "Start", "End" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_MemberId",
                table: "GroupMembers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupOwners_OwnerId",
                table: "GroupOwners",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Groups_TenantId_DisplayName",
                table: "Groups",
                columns: new[] { "TenantId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_Groups_TenantId_NormalizedDisplayName_Id",
                table: "Groups",
                columns: new[] { "TenantId", "NormalizedDisplayName", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_KeyCredentials_ApplicationId",
                table: "KeyCredentials",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_OAuth2PermissionGrants_ClientId_ResourceId",
                table: "OAuth2PermissionGrants",
                columns: new[] { "ClientId", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_OAuth2PermissionGrants_PrincipalId",
                table: "OAuth2PermissionGrants",
                column: "PrincipalId");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordCredentials_ApplicationId",
                table: "PasswordCredentials",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_AuthorizationCodeHash",
                table: "RefreshTokens",
                column: "AuthorizationCodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_ExpiresDateTime",
                table: "RefreshTokens",
                column: "ExpiresDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_FamilyId",
                table: "RefreshTokens",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServicePrincipals_TenantId_AppId",
                table: "ServicePrincipals",
                columns: new[] { "TenantId", "AppId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TenantDomains_TenantId",
                table: "TenantDomains",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_UsedClientAssertions_ExpiresDateTime",
                table: "UsedClientAssertions",
                column: "ExpiresDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_Users_ManagerId",
                table: "Users",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_NormalizedUserPrincipalName",
                table: "Users",
                column: "NormalizedUserPrincipalName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_DisplayName",
                table: "Users",
                columns: new[] { "TenantId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_NormalizedDisplayName_Id",
                table: "Users",
                columns: new[] { "TenantId", "NormalizedDisplayName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppRoleAssignments");

            migrationBuilder.DropTable(
                name: "ApplicationOwners");

            migrationBuilder.DropTable(
                name: "AuthorizationCodes");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

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
                name: "DeviceAuthorizations");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "DirectoryRoleMembers");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "GroupMembers");

            migrationBuilder.DropTable(
                name: "GroupOwners");

            migrationBuilder.DropTable(
                name: "HubEventDeliveries");

            migrationBuilder.DropTable(
                name: "HubUsers");

            migrationBuilder.DropTable(
                name: "KeyCredentials");

            migrationBuilder.DropTable(
                name: "OAuth2PermissionGrants");

            migrationBuilder.DropTable(
                name: "PasswordCredentials");

            migrationBuilder.DropTable(
                name: "RefreshTokens");

            migrationBuilder.DropTable(
                name: "ServicePrincipals");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "TenantDomains");

            migrationBuilder.DropTable(
                name: "UsedClientAssertions");

            migrationBuilder.DropTable(
                name: "DataverseSystemUsers");

            migrationBuilder.DropTable(
                name: "Calendars");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "HubInstances");

            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "Tenants");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "HubOrganizations");
        }
    }
}
