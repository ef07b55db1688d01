using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.ManagedIdentities;

namespace Gatehouse.Tests.HostileInput;

/// <summary>
/// What the hostile requests aim at, made as an operator and a user would: one app with a secret, a redirect URI,
/// Microsoft Graph application and delegated permissions, consent and a Dataverse application user; a decoy app whose
/// credentials the requests get wrong (so the app above never reaches the failed-authentication limit); a signed-in
/// user; the hub's secrets; a managed identity; and a real token for every resource, so that requests reach the
/// parsers behind the bearer-token gate.
/// </summary>
internal sealed partial record HostileTenant(
    RegisteredClient App, RegisteredClient Decoy, string UserId, string Upn, string AppObjectId,
    string GraphToken, string DelegatedToken, string DataverseToken, string ArmToken, string PortalToken, string RefreshToken,
    string HubUserSecret, string HubOrganizationSecret, CreatedIdentity Identity, string SignInCookie, string AntiforgeryToken)
{
    public const string PortalScope = "74658136-14ec-4630-ad9b-26e160ff0fc6/.default";

    public static async Task<HostileTenant> SeedAsync(TokenServiceFixture gatehouse)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var signIn = await DelegatedSignIn.CreateAsync(
            gatehouse, "hostile", consent: false, role: "Application Administrator", graphPermissions: ["User.Read", "User.ReadWrite", "Calendars.ReadWrite"]);
        var app = signIn.Client;
        foreach (var permission in new[] { "User.ReadWrite.All", "Group.ReadWrite.All", "Application.ReadWrite.All", "Device.ReadWrite.All", "Domain.ReadWrite.All", "Calendars.ReadWrite", "DelegatedPermissionGrant.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "RoleManagement.ReadWrite.Directory" })
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", app.AppId, "--api", "Microsoft Graph", "--permission", permission, "--type", "Application");
        }

        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", app.AppId);
        await GatehouseCli.JsonAsync(gatehouse.Store, "dataverse", "app-user", "add", "--app", app.AppId, "--role", "System Administrator");
        var decoy = await gatehouse.RegisterClientAsync("hostile-decoy");
        var shown = await GatehouseCli.ShowAppAsync(gatehouse.Store, app.AppId);

        var msal = gatehouse.Msal(app);
        async Task<string> AppTokenAsync(string scope) => (await msal.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken)).AccessToken;

        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        using var redeemed = await signIn.RedeemAsync(await signIn.GetCodeAsync(challenge), verifier);
        var delegated = await redeemed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var hub = await HubClient.CreateAsync(gatehouse.Store, gatehouse.Http);
        var identity = await gatehouse.CreateIdentityAsync("hostile", graphPermissions: "User.Read.All");
        var (cookie, antiforgery) = await SignInPageAsync(gatehouse);
        var graphToken = await AppTokenAsync("https://graph.microsoft.com/.default");
        using var graph = gatehouse.RawGraph(graphToken);
        var user = await graph.GetFromJsonAsync<JsonElement>(new Uri($"users/{signIn.Upn}", UriKind.Relative), cancellationToken);

        // A user's default calendar is made on first use, by a read as much as by a write; make it now, so that the
        // store's digest is taken with it.
        using var calendar = await graph.GetAsync(new Uri($"users/{signIn.Upn}/calendar", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);

        return new HostileTenant(
            app, decoy, user.GetProperty("id").GetString()!, signIn.Upn, shown.GetProperty("id").GetString()!,
            graphToken, delegated.GetProperty("access_token").GetString()!,
            await AppTokenAsync($"{DataverseClient.Resource}/.default"), await AppTokenAsync("https://management.azure.com/.default"),
            await AppTokenAsync(PortalScope), delegated.GetProperty("refresh_token").GetString()!,
            hub.UserSecret, hub.OrganizationSecret, identity, cookie, antiforgery);
    }

    /// <summary>The sign-in page's antiforgery cookie and form token, which a browser would post back.</summary>
    private static async Task<(string Cookie, string Token)> SignInPageAsync(TokenServiceFixture gatehouse)
    {
        var handler = gatehouse.TrustingHandler();
        handler.CookieContainer = new CookieContainer();
        using var browser = new HttpClient(handler) { BaseAddress = gatehouse.Server.BaseAddress };
        var html = await browser.GetStringAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        return (handler.CookieContainer.GetCookieHeader(gatehouse.Server.BaseAddress), AntiforgeryField().Match(html).Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
