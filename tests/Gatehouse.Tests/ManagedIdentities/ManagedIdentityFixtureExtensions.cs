using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.ManagedIdentities;

/// <summary>Managed identities made with the CLI, as an operator makes them.</summary>
internal static class ManagedIdentityFixtureExtensions
{
    public static async Task<CreatedIdentity> CreateIdentityAsync(this TokenServiceFixture gatehouse, string name, bool userAssigned = false, params string[] graphPermissions)
    {
        var created = await GatehouseCli.JsonAsync(gatehouse.Store, ["identity", "create", "--name", $"{name}-{Guid.NewGuid():N}", .. userAssigned ? ["--user-assigned"] : Array.Empty<string>()]);
        var identity = new CreatedIdentity(
            created.GetProperty("clientId").GetString()!,
            created.GetProperty("principalId").GetString()!,
            created.TryGetProperty("identityHeader", out var header) ? header.GetString() : null,
            created.TryGetProperty("resourceId", out var resourceId) ? resourceId.GetString() : null);
        foreach (var permission in graphPermissions)
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "identity", "grant", "--identity", identity.ClientId, "--api", "Microsoft Graph", "--permission", permission);
        }

        return identity;
    }

    /// <summary>GET from IMDS, as a script on an Azure VM asks, with the Metadata header.</summary>
    public static async Task<HttpResponseMessage> ImdsAsync(this TokenServiceFixture gatehouse, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/metadata/identity/oauth2/token?api-version=2018-02-01&{query}");
        request.Headers.Add("Metadata", "true");
        return await gatehouse.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

internal sealed record CreatedIdentity(string ClientId, string PrincipalId, string? IdentityHeader, string? ResourceId);
