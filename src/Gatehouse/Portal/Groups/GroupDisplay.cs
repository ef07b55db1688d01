using Gatehouse.DirectoryObjects.Groups;

namespace Gatehouse.Portal.Groups;

/// <summary>How the admin center names a group's type and membership.</summary>
internal static class GroupDisplay
{
    public static string Type(Group group) => group.GroupTypes.Contains(Group.Unified) ? "Microsoft 365" : "Security";
}
