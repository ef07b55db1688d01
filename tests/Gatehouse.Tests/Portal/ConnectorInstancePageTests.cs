using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Portal;

/// <summary>
/// Connector instances on both stores: the directory's instances with their API secret's end drawn on the timeline in
/// its band, disable and re-authenticate through the hub's own operations, and who may see them.
/// </summary>
[Collection(GraphServers.Name)]
public sealed partial class ConnectorInstancePageTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task Instances_show_their_secrets_end_in_its_band_and_disable_and_re_authenticate_through_the_hub(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var hub = await HubClient.CreateAsync(server.Store, server.Http);
        var now = server.Clock.GetUtcNow();
        var soon = await AppOnlyInstanceAsync(server, hub, $"soon-{store}-{Guid.NewGuid():N}"[..24], now.AddDays(5));
        var later = await AppOnlyInstanceAsync(server, hub, $"later-{store}-{Guid.NewGuid():N}"[..24], now.AddDays(20));
        using var admin = await DelegatedSignIn.CreateAsync(server, "hub-admin-" + store, consent: true, role: "Global Administrator");

        var (list, listHtml) = await admin.OpenPageAsync("/connectors");
        var (page, pageHtml) = await admin.OpenPageAsync($"/connectors/{soon.Id}");
        using var disabled = await admin.SubmitAsync($"/connectors/{soon.Id}?handler=Disable", pageHtml, new Dictionary<string, string>());
        var afterDisable = await hub.GetInstanceAsync(soon.Id);
        var (_, disabledHtml) = await admin.OpenPageAsync(disabled.Headers.Location!.OriginalString);
        var (_, reloadedHtml) = await admin.OpenPageAsync($"/connectors/{soon.Id}");
        var before = (await hub.GetInstanceAsync(later.Id)).GetProperty("health").GetProperty("lastRefresh").GetDateTimeOffset();
        server.Clock.Advance(TimeSpan.FromMinutes(3));
        var (_, laterHtml) = await admin.OpenPageAsync($"/connectors/{later.Id}");
        using var reAuthenticated = await admin.SubmitAsync($"/connectors/{later.Id}?handler=ReAuthenticate", laterHtml, new Dictionary<string, string>());
        var afterReAuthentication = (await hub.GetInstanceAsync(later.Id)).GetProperty("health");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("red", Band(listHtml, soon.Id));
        Assert.Equal("amber", Band(listHtml, later.Id));
        Assert.Contains(now.AddDays(5).ToString("MMM d, yyyy", CultureInfo.InvariantCulture), MarkTitle(listHtml, soon.Id), StringComparison.Ordinal);
        Assert.Contains(soon.Name, listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(">healthy<", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True(afterDisable.GetProperty("disabled").GetBoolean());
        Assert.Contains("is disabled", disabledHtml, StringComparison.Ordinal);
        Assert.Contains(">disabled<", disabledHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("is disabled", reloadedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reAuthenticated.StatusCode);
        Assert.Equal("healthy", afterReAuthentication.GetProperty("state").GetString());
        Assert.True(afterReAuthentication.GetProperty("lastRefresh").GetDateTimeOffset() > before);
    }

    [Theory]
    [BothStores]
    public async Task Only_a_Global_Administrator_sees_connector_instances(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var hub = await HubClient.CreateAsync(server.Store, server.Http);
        var instance = await AppOnlyInstanceAsync(server, hub, $"hidden-{store}-{Guid.NewGuid():N}"[..24], server.Clock.GetUtcNow().AddDays(60));
        using var user = await DelegatedSignIn.CreateAsync(server, "hub-user-" + store, consent: true);

        var (list, listHtml) = await user.OpenPageAsync("/connectors");
        var (page, pageHtml) = await user.OpenPageAsync($"/connectors/{instance.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("Only a Global Administrator", listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(instance.Name, pageHtml, StringComparison.Ordinal);
    }

    /// <summary>An app whose one secret ends at <paramref name="secretEnds"/>, and an app-only office365 instance authenticating with it.</summary>
    private static async Task<(long Id, string Name)> AppOnlyInstanceAsync(TokenServiceFixture server, HubClient hub, string name, DateTimeOffset secretEnds)
    {
        var app = await GatehouseCli.JsonAsync(server.Store, "app", "create", "--name", name);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await GatehouseCli.JsonAsync(server.Store, "app", "secret", "add", "--app", appId,
            "--expires", secretEnds.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await GatehouseCli.JsonAsync(server.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application");
        await GatehouseCli.JsonAsync(server.Store, "app", "consent", "--app", appId);
        var (status, instance) = await hub.JsonAsync(HttpMethod.Post, "/instances", new
        {
            element = new { key = "office365" },
            name,
            configuration = new Dictionary<string, string>
            {
                ["oauth.api.key"] = appId,
                ["oauth.api.secret"] = secret.GetProperty("secretText").GetString()!,
                ["oauth.grant.type"] = "client_credentials",
            },
        });
        Assert.True(status == 200, instance.ToString());
        return (instance.GetProperty("id").GetInt64(), name);
    }

    private static string Band(string html, long id) => Mark(html, id).Groups["band"].Value;

    private static string MarkTitle(string html, long id) => Mark(html, id).Groups["title"].Value;

    private static Match Mark(string html, long id)
    {
        var match = MarkPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id.ToString(CultureInfo.InvariantCulture));
        Assert.True(match is not null, $"No timeline mark for instance {id}.");
        return match;
    }

    [GeneratedRegex("""data-testid="expiry-mark-(?<id>\d+)" data-band="(?<band>\w+)">\s*<title>(?<title>[^<]*)</title>""")]
    private static partial Regex MarkPattern();
}
