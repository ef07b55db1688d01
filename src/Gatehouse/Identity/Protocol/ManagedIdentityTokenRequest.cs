namespace Gatehouse.Identity.Protocol;

/// <summary>What both managed identity endpoints read from a request: the resource and which identity.</summary>
internal sealed record ManagedIdentityTokenRequest(string Resource, IdentitySelector Identity)
{
    public static Outcome<ManagedIdentityTokenRequest, ManagedIdentityError> Read(
        IQueryCollection query, string resourceIdName, Func<string, bool> supportsApiVersion, string supportedApiVersions)
    {
        if (IdentitySelector.Single(query, "api-version") is not { } apiVersion)
        {
            return ManagedIdentityError.MissingParameter("api-version");
        }

        if (!supportsApiVersion(apiVersion))
        {
            return ManagedIdentityError.UnsupportedApiVersion(apiVersion, supportedApiVersions);
        }

        if (IdentitySelector.Single(query, "resource") is not { Length: > 0 } resource)
        {
            return ManagedIdentityError.MissingParameter("resource");
        }

        var identity = IdentitySelector.Read(query, resourceIdName);
        return identity.Succeeded ? new ManagedIdentityTokenRequest(resource, identity.Value) : identity.Error;
    }
}
