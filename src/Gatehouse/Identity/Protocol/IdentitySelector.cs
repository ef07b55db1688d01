namespace Gatehouse.Identity.Protocol;

/// <summary>
/// Which managed identity a request names: by client ID, object (principal) ID or Azure resource ID, or none (the
/// system-assigned identity). Values are kept as sent; an unknown or malformed one is simply not found.
/// </summary>
internal sealed record IdentitySelector(string? ClientId, string? ObjectId, string? ResourceId)
{
    public bool NamesNone => ClientId is null && ObjectId is null && ResourceId is null;

    /// <summary>
    /// The selector the query names, each kind under any of its names (IMDS says object_id and msi_res_id, App
    /// Service principal_id and mi_res_id; MSAL.NET sends object_id to both); more than one kind is refused.
    /// </summary>
    public static Outcome<IdentitySelector, ManagedIdentityError> Read(IQueryCollection query, string resourceIdName)
    {
        var clientId = Single(query, "client_id");
        var objectId = Single(query, "object_id") ?? Single(query, "principal_id");
        var resourceId = Single(query, resourceIdName);
        var named = (clientId is null ? 0 : 1) + (objectId is null ? 0 : 1) + (resourceId is null ? 0 : 1);
        return named > 1 ? ManagedIdentityError.SeveralIdentities() : new IdentitySelector(clientId, objectId, resourceId);
    }

    /// <summary>A query parameter given once and not empty; a repeated one counts as given with no usable value.</summary>
    public static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0])
            ? values.Count == 1 ? values[0] : ""
            : null;
}
