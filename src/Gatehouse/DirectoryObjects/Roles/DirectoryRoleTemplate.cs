namespace Gatehouse.DirectoryObjects.Roles;

/// <summary>A built-in Entra directory role, identified by its well-known template ID.</summary>
internal sealed record DirectoryRoleTemplate(Guid Id, string DisplayName, string Description)
{
    public static readonly DirectoryRoleTemplate GlobalAdministrator = new(
        new("62e90394-69f5-4237-9190-012177145e10"), "Global Administrator",
        "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.");

    public static readonly DirectoryRoleTemplate ApplicationAdministrator = new(
        new("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"), "Application Administrator",
        "Can create and manage all aspects of app registrations and enterprise apps.");

    public static readonly DirectoryRoleTemplate CloudApplicationAdministrator = new(
        new("158c047a-c907-4556-b7ef-446551a6b5f7"), "Cloud Application Administrator",
        "Can create and manage all aspects of app registrations and enterprise apps except App Proxy.");

    public static readonly DirectoryRoleTemplate ApplicationDeveloper = new(
        new("cf1c38e5-3621-4004-a7cb-879624dced7c"), "Application Developer",
        "Can create application registrations independent of the 'Users can register applications' setting.");

    public static readonly DirectoryRoleTemplate UserAdministrator = new(
        new("fe930be7-5e62-47db-91af-98c3a49a38b1"), "User Administrator",
        "Can manage all aspects of users and groups, including resetting passwords for limited admins.");

    public static readonly DirectoryRoleTemplate PrivilegedRoleAdministrator = new(
        new("e8611ab8-c189-46e8-94e1-60213ab1f814"), "Privileged Role Administrator",
        "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.");

    public static readonly DirectoryRoleTemplate DirectoryReaders = new(
        new("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"), "Directory Readers",
        "Can read basic directory information. Commonly used to grant directory read access to applications and guests.");

    public static IReadOnlyList<DirectoryRoleTemplate> All { get; } =
    [
        GlobalAdministrator, ApplicationAdministrator, CloudApplicationAdministrator, ApplicationDeveloper,
        UserAdministrator, PrivilegedRoleAdministrator, DirectoryReaders,
    ];

    public static DirectoryRoleTemplate? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.DisplayName, idOrName, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(idOrName, out var id) && r.Id == id));
}
