using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>The legacy Azure AD Graph API (appId 00000002-0000-0000-c000-000000000000), whose service principal is named "Windows Azure Active Directory".</summary>
internal static class AzureAdGraphApi
{
    public static FirstPartyApi Api { get; } = new(
        AppId: new Guid("00000002-0000-0000-c000-000000000000"),
        DisplayName: "Windows Azure Active Directory",
        ServicePrincipalNames:
        [
            "https://graph.windows.net",
            "https://graph.windows.net/",
            "00000002-0000-0000-c000-000000000000",
        ],
        AppRoles: CreateAppRoles(),
        Oauth2PermissionScopes: CreateOauth2PermissionScopes(),
        PortalName: "Azure Active Directory Graph");

    private static AppRole[] CreateAppRoles()
    {
        return
        [
            new AppRole
            {
                Id = new Guid("3afa6a7d-9b1a-42eb-948e-1650a849e176"),
                Value = "Application.Read.All",
                DisplayName = "Read all applications",
                Description = "Allows the app to read applications and service principals without a signed-in user",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("1cda74f2-2616-4834-b122-5cb1b07f8a59"),
                Value = "Application.ReadWrite.All",
                DisplayName = "Read and write all applications",
                Description = "Allows the app to create, read, update and delete applications and service principals without a signed-in user.  Does not allow management of consent grants.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("824c81eb-e3f8-4ee6-8f6d-de7f50d565b7"),
                Value = "Application.ReadWrite.OwnedBy",
                DisplayName = "Manage apps that this app creates or owns",
                Description = "Allows the app to create other applications, and fully manage those applications (read, update, update application secrets and delete), without a signed-in user.  It cannot update any apps that it is not an owner of.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("1138cb37-bd11-4084-a2b7-9f71582aeddb"),
                Value = "Device.ReadWrite.All",
                DisplayName = "Read and write devices",
                Description = "Allows the app to read and write all device properties without a signed in user.  Does not allow device creation, device deletion or update of device alternative security identifiers.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("5778995a-e1bf-45b8-affa-663a9f3f4d04"),
                Value = "Directory.Read.All",
                DisplayName = "Read directory data",
                Description = "Allows the app to read data in your company or school directory, such as users, groups, and apps.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("78c8a3c8-a07e-4b9e-af1b-b5ccab50a175"),
                Value = "Directory.ReadWrite.All",
                DisplayName = "Read and write directory data",
                Description = "Allows the app to read and write data in your company or school directory, such as users, and groups.  Does not allow user or group deletion.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("abefe9df-d5a9-41c6-a60b-27b38eac3efb"),
                Value = "Domain.ReadWrite.All",
                DisplayName = "Read and write domains",
                Description = "Allows the app to read and write all domain properties without a signed in user.  Also allows the app to add,  verify and remove domains.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("9728c0c4-a06b-4e0e-8d1b-3d694e8ec207"),
                Value = "Member.Read.Hidden",
                DisplayName = "Read all hidden memberships",
                Description = "Allows the app to read the memberships of hidden groups and administrative units without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },
        ];
    }

    private static PermissionScope[] CreateOauth2PermissionScopes()
    {
        return
        [
            new PermissionScope
            {
                Id = new Guid("311a71cc-e848-46a1-bdf8-97ff7156d8e6"),
                Value = "User.Read",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Sign in and read user profile",
                AdminConsentDescription = "Allows users to sign in to the app, and allows the app to read the profile of signed-in users. It also allow the app to read basic company information of signed-in users.",
                UserConsentDisplayName = "Sign you in and read your profile",
                UserConsentDescription = "Allows you to sign in to the app with your organizational account and let the app read your profile. It also allows the app to read basic company information.",
            },

            new PermissionScope
            {
                Id = new Guid("cba73afc-7f69-4d86-8450-4978e04ecd1a"),
                Value = "User.ReadBasic.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read all users' basic profiles",
                AdminConsentDescription = "Allows the app to read a basic set of profile properties of all users in your company or school on behalf of the signed-in user. Includes display name, first and last name, photo, and email address. Additionally, this allows the app to read basic info about the signed-in user's reports and manager.",
                UserConsentDisplayName = "Read all user's basic profiles",
                UserConsentDescription = "Allows the app to read a basic set of profile properties of all users in your company or school on your behalf. Includes display name, first and last name, photo, and email address. Additionally, this allows the app to read basic info about your reports and manager.",
            },

            new PermissionScope
            {
                Id = new Guid("c582532d-9d9e-43bd-a97c-2667a28ce295"),
                Value = "User.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read all users' full profiles",
                AdminConsentDescription = "Allows the app to read the full set of profile properties of all users in your company or school, on behalf of the signed-in user. Additionally, this allows the app to read the profiles of the signed-in user's reports and manager.",
                UserConsentDisplayName = "Read all user's full profiles",
                UserConsentDescription = "Allows the app to read the full set of profile properties of all users in your company or school, on your behalf. Additionally, this allows the app to read the profiles of your reports and manager.",
            },

            new PermissionScope
            {
                Id = new Guid("5778995a-e1bf-45b8-affa-663a9f3f4d04"),
                Value = "Directory.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read directory data",
                AdminConsentDescription = "Allows the app to read data in your company or school directory, such as users, groups, and apps.",
                UserConsentDisplayName = "Read directory data",
                UserConsentDescription = "Allows the app to read data in your company or school directory, such as users, groups, and apps.",
            },

            new PermissionScope
            {
                Id = new Guid("78c8a3c8-a07e-4b9e-af1b-b5ccab50a175"),
                Value = "Directory.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write directory data",
                AdminConsentDescription = "Allows the app to read and write data in your company or school directory, such as users, and groups.  Does not allow user or group deletion.",
                UserConsentDisplayName = "Read and write directory data",
                UserConsentDescription = "Allows the app to read and write data in your company or school directory, such as users, and groups.  Does not allow user or group deletion.",
            },

            new PermissionScope
            {
                Id = new Guid("a42657d6-7f20-40e3-b6f0-cee03008a62a"),
                Value = "Directory.AccessAsUser.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Access the directory as the signed-in user",
                AdminConsentDescription = "Allows the app to have the same access to information in the directory as the signed-in user.",
                UserConsentDisplayName = "Access the directory as you",
                UserConsentDescription = "Allows the app to have the same access to information in your work or school directory as you do.",
            },

            new PermissionScope
            {
                Id = new Guid("6234d376-f627-4f0f-90e0-dff25c5211a3"),
                Value = "Group.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read all groups",
                AdminConsentDescription = "Allows the app to read basic group properties and memberships on behalf of the signed-in user.",
                UserConsentDisplayName = "Read all groups",
                UserConsentDescription = "Allows the app to read basic group properties and memberships on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("970d6fa6-214a-4a9b-8513-08fad511e2fd"),
                Value = "Group.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write all groups",
                AdminConsentDescription = "Allows the app to create groups on behalf of the signed-in user and read all group properties and memberships. Additionally, this allows the app to update group properties and memberships for the groups the signed-in user owns.",
                UserConsentDisplayName = "Read and write all groups",
                UserConsentDescription = "Allows the app to create groups on your behalf and read all group properties and memberships. Additionally, this allows the app to update group properties and memberships for the groups you own.",
            },

            new PermissionScope
            {
                Id = new Guid("2d05a661-f651-4d57-a595-489c91eda336"),
                Value = "Member.Read.Hidden",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read hidden memberships",
                AdminConsentDescription = "Allows the app to read the memberships of hidden groups and administrative units on behalf of the signed-in user, for those hidden groups and administrative units that the signed-in user has access to.",
                UserConsentDisplayName = "Read your hidden memberships",
                UserConsentDescription = "Allows the app to read the memberships of hidden groups or administrative units on your behalf, for those hidden groups or administrative units that you have access to.",
            },
        ];
    }
}
