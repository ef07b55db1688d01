using Gatehouse.DirectoryObjects.Tenants;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Organization;

/// <summary>/organization: the caller's tenant, as the one-item list and by id.</summary>
internal static class OrganizationEndpoints
{
    private const string OrganizationReadWriteAll = "Organization.ReadWrite.All";

    private static readonly GraphOperation Read = new(
        [UserRead, OrganizationReadAll, OrganizationReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [OrganizationReadAll, OrganizationReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    public static void MapOrganization(this RouteGroupBuilder graph)
    {
        graph.MapGet("/organization", ListAsync).Requires(Read);
        graph.MapGet("/organization/{id}", GetAsync).Requires(Read);
    }

    private static async Task<IResult> ListAsync(GraphRequest request, TenantLookup tenants, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, OrganizationResource.Shape.Names, "organization");
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var select = read.Value.Select;

        var tenant = await tenants.FindAsync(request.TenantId.ToString(), cancellationToken);
        return GraphResponses.Collection(request, "organization", tenant is null ? [] : [OrganizationResource.Shape.Write(tenant, select)], null, null, select);
    }

    private static async Task<IResult> GetAsync(string id, GraphRequest request, TenantLookup tenants, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, OrganizationResource.Shape.Names, "organization");
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var select = read.Value.Select;

        // A caller sees only its own organization; another tenant's id is as unknown as a made-up one.
        return Guid.TryParse(id, out var tenantId) && tenantId == request.TenantId && await tenants.FindAsync(id, cancellationToken) is { } tenant
            ? GraphResponses.Entity(request, "organization", OrganizationResource.Shape.Write(tenant, select), select)
            : GraphErrors.NotFound(id);
    }
}
