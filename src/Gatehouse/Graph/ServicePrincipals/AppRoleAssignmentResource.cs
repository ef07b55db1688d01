using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Consent;

namespace Gatehouse.Graph.ServicePrincipals;

/// <summary>Graph's appRoleAssignment (docs/protocol/graph-dataverse.md §2.4), with the names of its principal and resource.</summary>
internal static class AppRoleAssignmentResource
{
    public static GraphShape<AppRoleAssignmentView> Shape { get; } = new GraphShape<AppRoleAssignmentView>("appRoleAssignment")
        .Add("id", v => v.Assignment.Id)
        .Add("deletedDateTime", _ => null)
        .Add("appRoleId", v => v.Assignment.AppRoleId)
        .Add("createdDateTime", v => v.Assignment.CreatedDateTime)
        .Add("principalDisplayName", v => v.PrincipalDisplayName)
        .Add("principalId", v => v.Assignment.PrincipalId)
        .Add("principalType", v => v.Assignment.PrincipalType.ToString())
        .Add("resourceDisplayName", v => v.ResourceDisplayName)
        .Add("resourceId", v => v.Assignment.ResourceId);

    /// <summary>Names every principal and resource of the assignments with one query per kind.</summary>
    public static async Task<IReadOnlyList<AppRoleAssignmentView>> ViewAsync(
        Guid tenantId, IReadOnlyList<AppRoleAssignment> assignments, PrincipalNames names, CancellationToken cancellationToken)
    {
        var described = await names.DescribeAsync(
            tenantId,
            [.. assignments.Select(a => (a.PrincipalId, a.PrincipalType)), .. assignments.Select(a => (a.ResourceId, DirectoryObjectType.ServicePrincipal))],
            cancellationToken);
        var byId = described.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.DisplayName);
        return [.. assignments.Select(a => new AppRoleAssignmentView(a, byId[a.PrincipalId], byId[a.ResourceId]))];
    }
}

internal sealed record AppRoleAssignmentView(AppRoleAssignment Assignment, string PrincipalDisplayName, string ResourceDisplayName);
