using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>Microsoft Graph (appId 00000003-0000-0000-c000-000000000000): the application and delegated permissions it exposes.</summary>
internal static class MicrosoftGraphApi
{
    public static FirstPartyApi Api { get; } = new(
        AppId: new Guid("00000003-0000-0000-c000-000000000000"),
        DisplayName: "Microsoft Graph",
        ServicePrincipalNames:
        [
            "https://graph.microsoft.com",
            "https://graph.microsoft.com/",
            "00000003-0000-0000-c000-000000000000",
            "https://canary.graph.microsoft.com",
            "https://graph.microsoft.us",
            "https://dod-graph.microsoft.us",
            "https://graph.microsoft.com/beta",
        ],
        AppRoles: CreateAppRoles(),
        Oauth2PermissionScopes: CreateOauth2PermissionScopes());

    private static AppRole[] CreateAppRoles()
    {
        return
        [
            new AppRole
            {
                Id = new Guid("97235f07-e226-4f63-ace3-39588e11d3a1"),
                Value = "User.ReadBasic.All",
                DisplayName = "Read all users' basic profiles",
                Description = "Allows the app to read a basic set of profile properties of other users in your organization without a signed-in user. Includes display name, first and last name, email address, open extensions, and photo.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("df021288-bdef-4463-88db-98f22de89214"),
                Value = "User.Read.All",
                DisplayName = "Read all users' full profiles",
                Description = "Allows the app to read user profiles without a signed in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("741f803b-c850-494e-b5df-cde7c675a1ca"),
                Value = "User.ReadWrite.All",
                DisplayName = "Read and write all users' full profiles",
                Description = "Allows the app to read and update user profiles without a signed in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("7ab1d382-f21e-4acd-a863-ba3e13f7da61"),
                Value = "Directory.Read.All",
                DisplayName = "Read directory data",
                Description = "Allows the app to read data in your organization's directory, such as users, groups and apps, without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("19dbc75e-c2e2-444c-a770-ec69d8559fc7"),
                Value = "Directory.ReadWrite.All",
                DisplayName = "Read and write directory data",
                Description = "Allows the app to read and write data in your organization's directory, such as users, and groups, without a signed-in user.  Does not allow user or group deletion.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("5b567255-7703-4780-807c-7be8301ae99b"),
                Value = "Group.Read.All",
                DisplayName = "Read all groups",
                Description = "Allows the app to read group properties and memberships, and read conversations for all groups, without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("62a82d76-70ea-41e2-9197-370581804d09"),
                Value = "Group.ReadWrite.All",
                DisplayName = "Read and write all groups",
                Description = "Allows the app to create groups, read all group properties and memberships, update group properties and memberships, and delete groups. Also allows the app to read and write conversations. All of these operations can be performed by the app without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("98830695-27a2-44f7-8c18-0c3ebc9698f6"),
                Value = "GroupMember.Read.All",
                DisplayName = "Read all group memberships",
                Description = "Allows the app to read memberships and basic group properties for all groups without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("dbaae8cf-10b5-4b86-a4a1-f871c94c6695"),
                Value = "GroupMember.ReadWrite.All",
                DisplayName = "Read and write all group memberships",
                Description = "Allows the app to list groups, read basic properties, read and update the membership of the groups this app has access to without a signed-in user. Group properties and owners cannot be updated and groups cannot be deleted.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("658aa5d8-239f-45c4-aa12-864f4fc7e490"),
                Value = "Member.Read.Hidden",
                DisplayName = "Read all hidden memberships",
                Description = "Allows the app to read the memberships of hidden groups and administrative units without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"),
                Value = "Application.Read.All",
                DisplayName = "Read all applications",
                Description = "Allows the app to read all applications and service principals without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"),
                Value = "Application.ReadWrite.All",
                DisplayName = "Read and write all applications",
                Description = "Allows the app to create, read, update and delete applications and service principals without a signed-in user.  Does not allow management of consent grants.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("18a4783c-866b-4cc7-a460-3d5e5662c884"),
                Value = "Application.ReadWrite.OwnedBy",
                DisplayName = "Manage apps that this app creates or owns",
                Description = "Allows the app to create other applications, and fully manage those applications (read, update, update application secrets and delete), without a signed-in user.  It cannot update any apps that it is not an owner of.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("06b708a9-e830-4db3-a914-8e69da51d44f"),
                Value = "AppRoleAssignment.ReadWrite.All",
                DisplayName = "Manage app permission grants and app role assignments",
                Description = "Allows the app to manage permission grants for application permissions to any API (including Microsoft Graph) and application assignments for any app, without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("8e8e4742-1d95-4f68-9d56-6ee75648c72a"),
                Value = "DelegatedPermissionGrant.ReadWrite.All",
                DisplayName = "Manage all delegated permission grants",
                Description = "Allows the app to manage permission grants for delegated permissions exposed by any API (including Microsoft Graph), without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("7438b122-aefc-4978-80ed-43db9fcc7715"),
                Value = "Device.Read.All",
                DisplayName = "Read all devices",
                Description = "Allows the app to read your organization's devices' configuration information without a signed-in user.",
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
                Id = new Guid("dbb9058a-0e50-45d7-ae91-66909b5d4664"),
                Value = "Domain.Read.All",
                DisplayName = "Read domains",
                Description = "Allows the app to read all domain properties without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("7e05723c-0bb0-42da-be95-ae9f08a6e53c"),
                Value = "Domain.ReadWrite.All",
                DisplayName = "Read and write domains",
                Description = "Allows the app to read and write all domain properties without a signed in user.  Also allows the app to add,  verify and remove domains.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("798ee544-9d2d-430c-a058-570e29e34338"),
                Value = "Calendars.Read",
                DisplayName = "Read calendars in all mailboxes",
                Description = "Allows the app to read events of all calendars without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("ef54d2bf-783f-4e0f-bca1-3210c0444d99"),
                Value = "Calendars.ReadWrite",
                DisplayName = "Read and write calendars in all mailboxes",
                Description = "Allows the app to create, read, update, and delete events of all calendars without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("810c84a8-4a9e-49e6-bf7d-12d183f40d01"),
                Value = "Mail.Read",
                DisplayName = "Read mail in all mailboxes",
                Description = "Allows the app to read mail in all mailboxes without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("e2a3a72e-5f79-4c64-b1b1-878b674786c9"),
                Value = "Mail.ReadWrite",
                DisplayName = "Read and write mail in all mailboxes",
                Description = "Allows the app to create, read, update, and delete mail in all mailboxes without a signed-in user. Does not include permission to send mail.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("b633e1c5-b582-4048-a93e-9f11b44c7e96"),
                Value = "Mail.Send",
                DisplayName = "Send mail as any user",
                Description = "Allows the app to send mail as any user without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("089fe4d0-434a-44c5-8827-41ba8a0b17f5"),
                Value = "Contacts.Read",
                DisplayName = "Read contacts in all mailboxes",
                Description = "Allows the app to read all contacts in all mailboxes without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("6918b873-d17a-4dc1-b314-35f528134491"),
                Value = "Contacts.ReadWrite",
                DisplayName = "Read and write contacts in all mailboxes",
                Description = "Allows the app to create, read, update, and delete all contacts in all mailboxes without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("01d4889c-1287-42c6-ac1f-5d1e02578ef6"),
                Value = "Files.Read.All",
                DisplayName = "Read files in all site collections",
                Description = "Allows the app to read all files in all site collections without a signed in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("75359482-378d-4052-8f01-80520e7db3cd"),
                Value = "Files.ReadWrite.All",
                DisplayName = "Read and write files in all site collections",
                Description = "Allows the app to read, create, update and delete all files in all site collections without a signed in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("332a536c-c7ef-4017-ab91-336970924f0d"),
                Value = "Sites.Read.All",
                DisplayName = "Read items in all site collections",
                Description = "Allows the app to read documents and list items in all site collections without a signed in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("9492366f-7969-46a4-8d15-ed1a20078fff"),
                Value = "Sites.ReadWrite.All",
                DisplayName = "Read and write items in all site collections",
                Description = "Allows the app to create, read, update, and delete documents and list items in all site collections without a signed in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("2280dda6-0bfd-44ee-a2f4-cb867cfc4c1e"),
                Value = "Team.ReadBasic.All",
                DisplayName = "Get a list of all teams",
                Description = "Get a list of all teams, without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("498476ce-e0fe-48b0-b801-37ba7e2685c6"),
                Value = "Organization.Read.All",
                DisplayName = "Read organization information",
                Description = "Allows the app to read the organization and related resources, without a signed-in user. Related resources include things like subscribed skus and tenant branding information.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("483bed4a-2ad3-4361-a73b-c83ccdbdc53c"),
                Value = "RoleManagement.Read.Directory",
                DisplayName = "Read all directory RBAC settings",
                Description = "Allows the app to read the role-based access control (RBAC) settings for your company's directory, without a signed-in user.  This includes reading directory role templates, directory roles and memberships.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8"),
                Value = "RoleManagement.ReadWrite.Directory",
                DisplayName = "Read and write all directory RBAC settings",
                Description = "Allows the app to read and manage the role-based access control (RBAC) settings for your company's directory, without a signed-in user. This includes instantiating directory roles and managing directory role membership, and reading directory role templates, directory roles and memberships.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("b0afded3-3588-46d8-8b3d-9842eff778da"),
                Value = "AuditLog.Read.All",
                DisplayName = "Read all audit log data",
                Description = "Allows the app to read and query your audit log activities, without a signed-in user.",
                AllowedMemberTypes = ["Application"],
            },

            new AppRole
            {
                Id = new Guid("246dd0d5-5bd0-4def-940b-0421030a5b68"),
                Value = "Policy.Read.All",
                DisplayName = "Read your organization's policies",
                Description = "Allows the app to read all your organization's policies without a signed in user.",
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
                Id = new Guid("e1fe6dd8-ba31-4d61-89e7-88639da4683d"),
                Value = "User.Read",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Sign in and read user profile",
                AdminConsentDescription = "Allows users to sign-in to the app, and allows the app to read the profile of signed-in users. It also allows the app to read basic company information of signed-in users.",
                UserConsentDisplayName = "Sign you in and read your profile",
                UserConsentDescription = "Allows you to sign in to the app with your organizational account and let the app read your profile. It also allows the app to read basic company information.",
            },

            new PermissionScope
            {
                Id = new Guid("b4e74841-8e56-480b-be8b-910348b18b4c"),
                Value = "User.ReadWrite",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read and write access to user profile",
                AdminConsentDescription = "Allows the app to read your profile. It also allows the app to update your profile information on your behalf.",
                UserConsentDisplayName = "Read and update your profile",
                UserConsentDescription = "Allows the app to read your profile, and discover your group membership, reports and manager. It also allows the app to update your profile information on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("b340eb25-3456-403f-be2f-af7a0d370277"),
                Value = "User.ReadBasic.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read all users' basic profiles",
                AdminConsentDescription = "Allows the app to read a basic set of profile properties of other users in your organization on behalf of the signed-in user. This includes display name, first and last name, email address and photo.",
                UserConsentDisplayName = "Read all users' basic profiles",
                UserConsentDescription = "Allows the app to read a basic set of profile properties of other users in your organization on your behalf. Includes display name, first and last name, email address and photo.",
            },

            new PermissionScope
            {
                Id = new Guid("a154be20-db9c-4678-8ab7-66f6cc099a59"),
                Value = "User.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read all users' full profiles",
                AdminConsentDescription = "Allows the app to read the full set of profile properties, reports, and managers of other users in your organization, on behalf of the signed-in user.",
                UserConsentDisplayName = "Read all users' full profiles",
                UserConsentDescription = "Allows the app to read the full set of profile properties, reports, and managers of other users in your organization, on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("204e0828-b5ca-4ad8-b9f3-f32a958e7cc4"),
                Value = "User.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write all users' full profiles",
                AdminConsentDescription = "Allows the app to read and write the full set of profile properties, reports, and managers of other users in your organization, on behalf of the signed-in user.",
                UserConsentDisplayName = "Read and write all users' full profiles",
                UserConsentDescription = "Allows the app to read and write the full set of profile properties, reports, and managers of other users in your organization, on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("06da0dbc-49e2-44d2-8312-53f166ab848a"),
                Value = "Directory.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read directory data",
                AdminConsentDescription = "Allows the app to read data in your organization's directory, such as users, groups and apps.",
                UserConsentDisplayName = "Read directory data",
                UserConsentDescription = "Allows the app to read data in your organization's directory.",
            },

            new PermissionScope
            {
                Id = new Guid("c5366453-9fb0-48a5-a156-24f0c49a4b84"),
                Value = "Directory.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write directory data",
                AdminConsentDescription = "Allows the app to read and write data in your organization's directory, such as users, and groups.  It does not allow the app to delete users or groups, or reset user passwords.",
                UserConsentDisplayName = "Read and write directory data",
                UserConsentDescription = "Allows the app to read and write data in your organization's directory, such as other users, groups.  It does not allow the app to delete users or groups, or reset user passwords.",
            },

            new PermissionScope
            {
                Id = new Guid("0e263e50-5827-48a4-b97c-d940288653c7"),
                Value = "Directory.AccessAsUser.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Access directory as the signed in user",
                AdminConsentDescription = "Allows the app to have the same access to information in the directory as the signed-in user.",
                UserConsentDisplayName = "Access the directory as you",
                UserConsentDescription = "Allows the app to have the same access to information in your work or school directory as you do.",
            },

            new PermissionScope
            {
                Id = new Guid("5f8c59db-677d-491f-a6b8-5f174b11ec1d"),
                Value = "Group.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read all groups",
                AdminConsentDescription = "Allows the app to list groups, and to read their properties and all group memberships on behalf of the signed-in user.  Also allows the app to read calendar, conversations, files, and other group content for all groups the signed-in user can access.",
                UserConsentDisplayName = "Read all groups",
                UserConsentDescription = "Allows the app to list groups, and to read their properties and all group memberships on your behalf.  Also allows the app to read calendar, conversations, files, and other group content for all groups you can access.",
            },

            new PermissionScope
            {
                Id = new Guid("4e46008b-f24c-477d-8fff-7bb4ec7aafe0"),
                Value = "Group.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write all groups",
                AdminConsentDescription = "Allows the app to create groups and read all group properties and memberships on behalf of the signed-in user.  Additionally allows group owners to manage their groups and allows group members to update group content.",
                UserConsentDisplayName = "Read and write all groups",
                UserConsentDescription = "Allows the app to create groups and read all group properties and memberships on your behalf.  Additionally allows the app to manage your groups and to update group content for groups you are a member of.",
            },

            new PermissionScope
            {
                Id = new Guid("bc024368-1153-4739-b217-4326f2e966d0"),
                Value = "GroupMember.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read group memberships",
                AdminConsentDescription = "Allows the app to list groups, read basic group properties and read membership of all groups the signed-in user has access to.",
                UserConsentDisplayName = "Read group memberships",
                UserConsentDescription = "Allows the app to list groups, read basic group properties and read membership of all your groups.",
            },

            new PermissionScope
            {
                Id = new Guid("f81125ac-d3b7-4573-a3b2-7099cc39df9e"),
                Value = "GroupMember.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write group memberships",
                AdminConsentDescription = "Allows the app to list groups, read basic properties, read and update the membership of the groups the signed-in user has access to. Group properties and owners cannot be updated and groups cannot be deleted.",
                UserConsentDisplayName = "Read and write group memberships",
                UserConsentDescription = "Allows the app to list groups, read basic properties, read and update the membership of your groups. Group properties and owners cannot be updated and groups cannot be deleted.",
            },

            new PermissionScope
            {
                Id = new Guid("f6a3db3e-f7e8-4ed2-a414-557c8c9830be"),
                Value = "Member.Read.Hidden",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read hidden memberships",
                AdminConsentDescription = "Allows the app to read the memberships of hidden groups and administrative units on behalf of the signed-in user, for those hidden groups and administrative units that the signed-in user has access to.",
                UserConsentDisplayName = "Read your hidden memberships",
                UserConsentDescription = "Allows the app to read the memberships of hidden groups or administrative units on your behalf, for those hidden groups or adminstrative units that you have access to.",
            },

            new PermissionScope
            {
                Id = new Guid("c79f8feb-a9db-4090-85f9-90d820caa0eb"),
                Value = "Application.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read applications",
                AdminConsentDescription = "Allows the app to read applications and service principals on behalf of the signed-in user.",
                UserConsentDisplayName = "Read applications",
                UserConsentDescription = "Allows the app to read applications and service principals on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("bdfbf15f-ee85-4955-8675-146e8e5296b5"),
                Value = "Application.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write all applications",
                AdminConsentDescription = "Allows the app to create, read, update and delete applications and service principals on behalf of the signed-in user. Does not allow management of consent grants.",
                UserConsentDisplayName = "Read and write applications",
                UserConsentDescription = "Allows the app to create, read, update and delete applications and service principals on your behalf. Does not allow management of consent grants.",
            },

            new PermissionScope
            {
                Id = new Guid("84bccea3-f856-4a8a-967b-dbe0a3d53a64"),
                Value = "AppRoleAssignment.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Manage app permission grants and app role assignments",
                AdminConsentDescription = "Allows the app to manage permission grants for application permissions to any API (including Microsoft Graph) and application assignments for any app, on behalf of the signed-in user.",
                UserConsentDisplayName = "Manage app permission grants and app role assignments",
                UserConsentDescription = "Allows the app to manage permission grants for application permissions to any API (including Microsoft Graph) and application assignments for any app, on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("41ce6ca6-6826-4807-84f1-1c82854f7ee5"),
                Value = "DelegatedPermissionGrant.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Manage all delegated permission grants",
                AdminConsentDescription = "Allows the app to manage permission grants for delegated permissions exposed by any API (including Microsoft Graph), on behalf of the signed in user.",
                UserConsentDisplayName = "Manage all delegated permission grants",
                UserConsentDescription = "Allows the app to manage permission grants for delegated permissions exposed by any API (including Microsoft Graph), on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("951183d1-1a61-466f-a6d1-1fde911bfd95"),
                Value = "Device.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read all devices",
                AdminConsentDescription = "Allows the app to read your organization's devices' configuration information on behalf of the signed-in user.",
                UserConsentDisplayName = "Read all devices",
                UserConsentDescription = "Allows the app to read devices' configuration information on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("2f9ee017-59c1-4f1d-9472-bd5529a7b311"),
                Value = "Domain.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read domains.",
                AdminConsentDescription = "Allows the app to read all domain properties on behalf of the signed-in user.",
                UserConsentDisplayName = "Read domains.",
                UserConsentDescription = "Allows the app to read all domain properties on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("0b5d694c-a244-4bde-86e6-eb5cd07730fe"),
                Value = "Domain.ReadWrite.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write domains",
                AdminConsentDescription = "Allows the app to read and write all domain properties on behalf of the signed-in user. Also allows the app to add, verify and remove domains.",
                UserConsentDisplayName = "Read and write domains",
                UserConsentDescription = "Allows the app to read and write all domain properties on your behalf. Also allows the app to add, verify and remove domains.",
            },

            new PermissionScope
            {
                Id = new Guid("465a38f9-76ea-45b9-9f34-9e8b0d4b0b42"),
                Value = "Calendars.Read",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read user calendars",
                AdminConsentDescription = "Allows the app to read events in user calendars .",
                UserConsentDisplayName = "Read your calendars",
                UserConsentDescription = "Allows the app to read events in your calendars.",
            },

            new PermissionScope
            {
                Id = new Guid("1ec239c2-d7c9-4623-a91a-a9775856bb36"),
                Value = "Calendars.ReadWrite",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Have full access to user calendars",
                AdminConsentDescription = "Allows the app to create, read, update, and delete events in user calendars.",
                UserConsentDisplayName = "Have full access to your calendars",
                UserConsentDescription = "Allows the app to read, update, create and delete events in your calendars.",
            },

            new PermissionScope
            {
                Id = new Guid("2b9c4092-424d-4249-948d-b43879977640"),
                Value = "Calendars.Read.Shared",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read user and shared calendars",
                AdminConsentDescription = "Allows the app to read events in all calendars that the user can access, including delegate and shared calendars.",
                UserConsentDisplayName = "Read calendars you can access",
                UserConsentDescription = "Allows the app to read events in all calendars that you can access, including delegate and shared calendars.",
            },

            new PermissionScope
            {
                Id = new Guid("12466101-c9b8-439a-8589-dd09ee67e8e9"),
                Value = "Calendars.ReadWrite.Shared",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read and write user and shared calendars",
                AdminConsentDescription = "Allows the app to create, read, update and delete events in all calendars in the organization user has permissions to access. This includes delegate and shared calendars.",
                UserConsentDisplayName = "Read and write to your and shared calendars",
                UserConsentDescription = "Allows the app to read, update, create and delete events in all calendars in your organization you have permissions to access. This includes delegate and shared calendars.",
            },

            new PermissionScope
            {
                Id = new Guid("570282fd-fa5c-430d-a7fd-fc8dc98a9dca"),
                Value = "Mail.Read",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read user mail",
                AdminConsentDescription = "Allows the app to read the signed-in user's mailbox.",
                UserConsentDisplayName = "Read your mail",
                UserConsentDescription = "Allows the app to read email in your mailbox.",
            },

            new PermissionScope
            {
                Id = new Guid("024d486e-b451-40bb-833d-3e66d98c5c73"),
                Value = "Mail.ReadWrite",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read and write access to user mail",
                AdminConsentDescription = "Allows the app to create, read, update, and delete email in user mailboxes. Does not include permission to send mail.",
                UserConsentDisplayName = "Read and write access to your mail",
                UserConsentDescription = "Allows the app to read, update, create and delete email in your mailbox. Does not include permission to send mail.",
            },

            new PermissionScope
            {
                Id = new Guid("e383f46e-2787-4529-855e-0e479a3ffac0"),
                Value = "Mail.Send",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Send mail as a user",
                AdminConsentDescription = "Allows the app to send mail as users in the organization.",
                UserConsentDisplayName = "Send mail as you",
                UserConsentDescription = "Allows the app to send mail as you.",
            },

            new PermissionScope
            {
                Id = new Guid("ff74d97f-43af-4b68-9f2a-b77ee6968c5d"),
                Value = "Contacts.Read",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read user contacts",
                AdminConsentDescription = "Allows the app to read user contacts.",
                UserConsentDisplayName = "Read your contacts",
                UserConsentDescription = "Allows the app to read contacts in your contact folders.",
            },

            new PermissionScope
            {
                Id = new Guid("d56682ec-c09e-4743-aaf4-1a3aac4caa21"),
                Value = "Contacts.ReadWrite",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Have full access to user contacts",
                AdminConsentDescription = "Allows the app to create, read, update, and delete user contacts.",
                UserConsentDisplayName = "Have full access of your contacts",
                UserConsentDescription = "Allows the app to read, update, create and delete contacts in your contact folders.",
            },

            new PermissionScope
            {
                Id = new Guid("df85f4d6-205c-4ac5-a5ea-6bf408dba283"),
                Value = "Files.Read.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read all files that user can access",
                AdminConsentDescription = "Allows the app to read all files the signed-in user can access.",
                UserConsentDisplayName = "Read all files that you have access to",
                UserConsentDescription = "Allows the app to read all files you can access.",
            },

            new PermissionScope
            {
                Id = new Guid("863451e7-0667-486c-a5d6-d135439485f0"),
                Value = "Files.ReadWrite.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Have full access to all files user can access",
                AdminConsentDescription = "Allows the app to read, create, update and delete all files the signed-in user can access.",
                UserConsentDisplayName = "Have full access to all files you have access to",
                UserConsentDescription = "Allows the app to read, create, update and delete all files that you can access.",
            },

            new PermissionScope
            {
                Id = new Guid("205e70e5-aba6-4c52-a976-6d2d46c48043"),
                Value = "Sites.Read.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read items in all site collections",
                AdminConsentDescription = "Allows the application to read documents and list  items in all site collections on behalf of the signed-in user",
                UserConsentDisplayName = "Read items in all site collections",
                UserConsentDescription = "Allow the application to read documents and list items in all site collections on your behalf",
            },

            new PermissionScope
            {
                Id = new Guid("89fe6a52-be36-487e-b7d8-d061c450a026"),
                Value = "Sites.ReadWrite.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Edit or delete items in all site collections",
                AdminConsentDescription = "Allows the application to edit or delete documents and list items in all site collections on behalf of the signed-in user.",
                UserConsentDisplayName = "Edit or delete items in all site collections",
                UserConsentDescription = "Allow the application to edit or delete documents and list items in all site collections on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("ba47897c-39ec-4d83-8086-ee8256fa737d"),
                Value = "People.Read",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read users' relevant people lists",
                AdminConsentDescription = "Allows the app to read a ranked list of relevant people of the signed-in user. The list includes local contacts, contacts from social networking, your organization's directory, and people from recent communications (such as email and Skype).",
                UserConsentDisplayName = "Read your relevant people list",
                UserConsentDescription = "Allows the app to read a list of people in the order that's most relevant to you. This includes your local contacts, your contacts from social networking, people listed in your organization's directory, and people from recent communications.",
            },

            new PermissionScope
            {
                Id = new Guid("485be79e-c497-4b35-9400-0e3fa7f2a5d4"),
                Value = "Team.ReadBasic.All",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Read the names and descriptions of teams",
                AdminConsentDescription = "Read the names and  descriptions of teams, on behalf of the signed-in user.",
                UserConsentDisplayName = "Read the names and descriptions of teams",
                UserConsentDescription = "Read the names and  descriptions of teams, on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("4908d5b9-3fb2-4b1e-9336-1888b7937185"),
                Value = "Organization.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read organization information",
                AdminConsentDescription = "Allows the app to read the organization and related resources, on behalf of the signed-in user. Related resources include things like subscribed skus and tenant branding information.",
                UserConsentDisplayName = "Read organization information",
                UserConsentDescription = "Allows the app to read the organization and related resources, on your behalf. Related resources include things like subscribed skus and tenant branding information.",
            },

            new PermissionScope
            {
                Id = new Guid("741c54c3-0c1e-44a1-818b-3f97ab4e8c83"),
                Value = "RoleManagement.Read.Directory",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read directory RBAC settings",
                AdminConsentDescription = "Allows the app to read the role-based access control (RBAC) settings for your company's directory, on behalf of the signed-in user.  This includes reading directory role templates, directory roles and memberships.",
                UserConsentDisplayName = "Read directory RBAC settings",
                UserConsentDescription = "Allows the app to read the role-based access control (RBAC) settings for your company's directory, on your behalf.  This includes reading directory role templates, directory roles and memberships.",
            },

            new PermissionScope
            {
                Id = new Guid("d01b97e9-cbc0-49fe-810a-750afd5527a3"),
                Value = "RoleManagement.ReadWrite.Directory",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read and write directory RBAC settings",
                AdminConsentDescription = "Allows the app to read and manage the role-based access control (RBAC) settings for your company's directory, on behalf of the signed-in user. This includes instantiating directory roles and managing directory role membership, and reading directory role templates, directory roles and memberships.",
                UserConsentDisplayName = "Read and write directory RBAC settings",
                UserConsentDescription = "Allows the app to read and manage the role-based access control (RBAC) settings for your company's directory, on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20"),
                Value = "AuditLog.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read audit log data",
                AdminConsentDescription = "Allows the app to read and query your audit log activities, on behalf of the signed-in user.",
                UserConsentDisplayName = "Read audit log data",
                UserConsentDescription = "Allows the app to read and query your audit log activities, on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("572fea84-0151-49b2-9301-11cb16974376"),
                Value = "Policy.Read.All",
                Type = PermissionScope.AdminConsent,
                AdminConsentDisplayName = "Read your organization's policies",
                AdminConsentDescription = "Allows the app to read your organization's policies on behalf of the signed-in user.",
                UserConsentDisplayName = "Read your organization's policies",
                UserConsentDescription = "Allows the app to read your organization's policies on your behalf.",
            },

            new PermissionScope
            {
                Id = new Guid("7427e0e9-2fba-42fe-b0c0-848c9e6a8182"),
                Value = "offline_access",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Maintain access to data you have given it access to",
                AdminConsentDescription = "Allows the app to see and update the data you gave it access to, even when users are not currently using the app. This does not give the app any additional permissions.",
                UserConsentDisplayName = "Maintain access to data you have given it access to",
                UserConsentDescription = "Allows the app to see and update the data you gave it access to, even when you are not currently using the app. This does not give the app any additional permissions.",
            },

            new PermissionScope
            {
                Id = new Guid("37f7f235-527c-4136-accd-4a02d197296e"),
                Value = "openid",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Sign users in",
                AdminConsentDescription = "Allows users to sign in to the app with their work or school accounts and allows the app to see basic user profile information.",
                UserConsentDisplayName = "Sign in as you",
                UserConsentDescription = "Allows you to sign in to the app with your work or school account and allows the app to read your basic profile information.",
            },

            new PermissionScope
            {
                Id = new Guid("14dad69e-099b-42c9-810b-d002981feec1"),
                Value = "profile",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "View users' basic profile",
                AdminConsentDescription = "Allows the app to see your users' basic profile (name, picture, user name)",
                UserConsentDisplayName = "View your basic profile",
                UserConsentDescription = "Allows the app to see your basic profile (name, picture, user name)",
            },

            new PermissionScope
            {
                Id = new Guid("64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0"),
                Value = "email",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "View users' email address",
                AdminConsentDescription = "Allows the app to read your users' primary email address",
                UserConsentDisplayName = "View your email address",
                UserConsentDescription = "Allows the app to read your primary email address",
            },
        ];
    }
}
