using Gatehouse.DirectoryObjects.Tenants;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Domains;

/// <summary>
/// /domains (docs/protocol/graph-dataverse.md §2.7): the tenant's domain names, whose id is the name itself. A new domain
/// is unverified; POST /domains/{id}/verify verifies it (without the DNS lookup Entra makes). A signed-in caller who
/// adds or removes domains must be a Global Administrator.
/// </summary>
internal static class DomainEndpoints
{
    private static readonly GraphOperation Read = new(
        [DomainReadAll, DomainReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [DomainReadAll, DomainReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Write = new([DomainReadWriteAll, DirectoryAccessAsUserAll], [DomainReadWriteAll]);

    public static void MapDomains(this RouteGroupBuilder graph)
    {
        graph.MapGet("/domains", ListAsync).Requires(Read);
        graph.MapGet("/domains/{id}", GetAsync).Requires(Read);
        graph.MapPost("/domains", CreateAsync).Requires(Write);
        graph.MapPost("/domains/{id}/verify", VerifyAsync).Requires(Write);
        graph.MapDelete("/domains/{id}", DeleteAsync).Requires(Write);
    }

    private static async Task<IResult> ListAsync(GraphRequest request, TenantDomains domains, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, DomainResource.Shape.Names, "domain");
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var select = read.Value.Select;
        return GraphResponses.Collection(
            request, "domains", (await domains.ListAsync(request.TenantId, cancellationToken)).Select(d => DomainResource.Shape.Write(d, select)), null, null, select);
    }

    private static async Task<IResult> GetAsync(string id, GraphRequest request, TenantDomains domains, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, DomainResource.Shape.Names, "domain");
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var select = read.Value.Select;
        return await domains.FindAsync(request.TenantId, id, cancellationToken) is { } domain
            ? GraphResponses.Entity(request, "domains", DomainResource.Shape.Write(domain, select), select)
            : GraphErrors.NotFound(id);
    }

    private static async Task<IResult> CreateAsync(GraphRequest request, TenantDomains domains, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        // Only id may be sent when adding a domain (domain-post-domains).
        if (body.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => name != "id" && !name.StartsWith('@')) is { } extra)
        {
            return GraphErrors.BadRequest($"Invalid value specified for property '{extra}' of resource 'Domain'.");
        }

        if (body.Text("id") is not { } name)
        {
            return GraphErrors.BadRequest("Invalid value specified for property 'id' of resource 'Domain'.");
        }

        var added = await domains.AddAsync(request.TenantId, name, cancellationToken);
        return added.Succeeded
            ? GraphResponses.Entity(request, "domains", DomainResource.Shape.Write(added.Value, null), status: StatusCodes.Status201Created)
            : GraphErrors.Directory(added.Error);
    }

    private static async Task<IResult> VerifyAsync(string id, GraphRequest request, TenantDomains domains, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var verified = await domains.VerifyAsync(request.TenantId, id, cancellationToken);
        return verified.Succeeded
            ? GraphResponses.Entity(request, "domains", DomainResource.Shape.Write(verified.Value, null))
            : GraphErrors.Directory(verified.Error, id);
    }

    private static async Task<IResult> DeleteAsync(string id, GraphRequest request, TenantDomains domains, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var removed = await domains.RemoveAsync(request.TenantId, id, cancellationToken);
        return removed.Succeeded ? Results.NoContent() : GraphErrors.Directory(removed.Error, id);
    }
}
