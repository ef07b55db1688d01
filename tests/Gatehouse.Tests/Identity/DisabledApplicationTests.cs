using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// An app whose service principal is disabled (accountEnabled false) gets no new token, whichever way it asks, and
/// is told AADSTS7000112 as Entra tells it; enabled again, it gets tokens at once.
/// </summary>
public sealed class DisabledApplicationTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    private static readonly string[] GraphDefault = ["https://graph.microsoft.com/.default"];
    private static readonly string[] UserRead = ["User.Read"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_disabled_service_principal_is_refused_with_AADSTS7000112_for_client_credentials_codes_refresh_and_sign_in(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var admin = gatehouse.AppOnly(await gatehouse.RegisterClientAsync("disabled-admin-" + store, ("Microsoft Graph", "Application.ReadWrite.All")));
        var name = "disabled-app-" + store;
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, name);
        var msal = gatehouse.Msal(flow.Client, redirectUri: flow.Redirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var signedIn = await msal.AcquireTokenByAuthorizationCode(UserRead, await flow.GetCodeAsync(challenge)).WithPkceCodeVerifier(verifier).ExecuteAsync(Cancel);
        var (laterVerifier, laterChallenge) = DelegatedSignIn.NewPkce();
        var unredeemed = await flow.GetCodeAsync(laterChallenge);
        var principal = Assert.Single((await admin.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{flow.Client.AppId}'", Cancel))!.Value!);

        await admin.ServicePrincipals[principal.Id].PatchAsync(new ServicePrincipal { AccountEnabled = false }, cancellationToken: Cancel);
        var clientCredentials = await Assert.ThrowsAnyAsync<MsalServiceException>(() => msal.AcquireTokenForClient(GraphDefault).ExecuteAsync(Cancel));
        var refresh = await Assert.ThrowsAnyAsync<MsalServiceException>(
            () => msal.AcquireTokenSilent(UserRead, signedIn.Account).WithForceRefresh(true).ExecuteAsync(Cancel));
        var code = await AadstsResponse.ReadAsync(await flow.RedeemAsync(unredeemed, laterVerifier));
        var signIn = await flow.AuthorizeAsync(flow.AuthorizeUrl(DelegatedSignIn.NewPkce().Challenge));
        var signInPage = await signIn.Content.ReadAsStringAsync(Cancel);
        await admin.ServicePrincipals[principal.Id].PatchAsync(new ServicePrincipal { AccountEnabled = true }, cancellationToken: Cancel);
        var enabledAgain = await msal.AcquireTokenForClient(GraphDefault).ExecuteAsync(Cancel);

        var message = $"AADSTS7000112: Application '{flow.Client.AppId}'({name}) is disabled.";
        Assert.Equal(("unauthorized_client", 400), (clientCredentials.ErrorCode, clientCredentials.StatusCode));
        Assert.Contains(message, clientCredentials.Message, StringComparison.Ordinal);
        Assert.Equal(("unauthorized_client", 400), (refresh.ErrorCode, refresh.StatusCode));
        Assert.Contains(message, refresh.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client", 7000112), (code.Status, code.Error, code.Code));
        Assert.StartsWith(message, code.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("AADSTS7000112", signInPage, StringComparison.Ordinal);
        Assert.Equal(flow.Client.AppId, Jwt.Payload(enabledAgain.AccessToken).GetProperty("appid").GetString());
    }
}
