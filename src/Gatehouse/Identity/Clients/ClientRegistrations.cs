using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.Identity.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// The app registration behind a client of the user flows, which ask more of it than client credentials do: its
/// redirect URIs, its sign-in audience, what it requests.
/// </summary>
internal sealed class ClientRegistrations(IServiceScopeFactory scopes)
{
    /// <summary>The client's registration, if it has a service principal in the tenant that is enabled.</summary>
    public async Task<Application?> FindClientAsync(Guid tenantId, Guid clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var enabledHere = db.ServicePrincipals.Where(sp => sp.TenantId == tenantId && sp.AppId == clientId && sp.AccountEnabled);
        return await db.Applications.AsNoTracking().Where(a => a.AppId == clientId && enabledHere.Any()).FirstOrDefaultAsync(cancellationToken)
            ?? (FirstPartyClients.FindByAppId(clientId) is { } firstParty && await enabledHere.AnyAsync(cancellationToken) ? firstParty.ToApplication() : null);
    }

    /// <summary>
    /// The registration of an app, in whichever tenant it lives; for a first-party client, which Microsoft registered,
    /// the one its catalogue describes (docs/protocol/azure-cli.md §4).
    /// </summary>
    public async Task<Application?> FindApplicationAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.Applications.AsNoTracking().Where(a => a.AppId == clientId).FirstOrDefaultAsync(cancellationToken)
            ?? FirstPartyClients.FindByAppId(clientId)?.ToApplication();
    }

    /// <summary>
    /// Whether the app may sign a user in to the tenant: its service principal there is enabled (true), or there is none
    /// yet and the app is multi-tenant, so consent will make one (false; signInAudience; learn.microsoft.com
    /// howto-convert-app-to-be-multi-tenant). A disabled one is AADSTS7000112; otherwise AADSTS700016, as Entra answers
    /// for an app it cannot find in the tenant.
    /// </summary>
    public async Task<Outcome<bool, AadstsError>> CheckSignInAsync(Guid tenantId, string tenantName, Application client, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var enabled = await db.ServicePrincipals.AsNoTracking()
            .Where(sp => sp.TenantId == tenantId && sp.AppId == client.AppId).Select(sp => (bool?)sp.AccountEnabled).FirstOrDefaultAsync(cancellationToken);
        return enabled switch
        {
            true => true,
            false => Aadsts.ApplicationDisabled(client.AppId, client.DisplayName),
            null when client.SignInAudience != Application.SingleTenant => false,
            _ => Aadsts.ClientNotFound(client.AppId.ToString(), tenantName),
        };
    }
}
