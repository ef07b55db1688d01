using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>An app's own exposed scopes and roles are resources other apps can request and be granted.</summary>
public sealed class ExposeAnApiTests
{
    [Theory]
    [BothStores]
    public async Task Another_app_requests_and_is_granted_the_scopes_and_roles_an_API_exposes(string kind)
    {
        using var store = TestStore.Create(kind);
        var api = await GatehouseCli.JsonAsync(store, "app", "create", "--name", "orders-api");
        var apiAppId = api.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(store, "app", "api", "set", "--app", apiAppId, "--identifier-uri", "api://orders", "--access-token-version", "2");
        await GatehouseCli.JsonAsync(store, "app", "scope", "add", "--app", apiAppId, "--value", "Orders.Manage", "--display-name", "Manage orders", "--admins-only");
        await GatehouseCli.JsonAsync(store, "app", "role", "add", "--app", apiAppId, "--value", "Orders.Read", "--display-name", "Read all orders");
        await GatehouseCli.JsonAsync(store, "app", "create", "--name", "orders-client");

        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", "orders-client", "--api", "api://orders", "--permission", "Orders.Manage");
        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", "orders-client", "--api", "orders-api", "--permission", "Orders.Read");
        var granted = await GatehouseCli.JsonAsync(store, "app", "consent", "--app", "orders-client");

        var rows = granted.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal("orders-api", row.GetProperty("api").GetString()));
        Assert.All(rows, row => Assert.True(row.GetProperty("granted").GetBoolean()));
        Assert.Contains(rows, row => row.GetProperty("permission").GetString() == "Orders.Manage" && row.GetProperty("type").GetString() == "Delegated"
            && row.GetProperty("adminConsentRequired").GetBoolean());
        Assert.Contains(rows, row => row.GetProperty("permission").GetString() == "Orders.Read" && row.GetProperty("type").GetString() == "Application");
    }

    [Fact]
    public async Task A_taken_Application_ID_URI_and_a_value_with_spaces_are_refused()
    {
        using var store = TestStore.Sqlite();
        await GatehouseCli.JsonAsync(store, "app", "create", "--name", "first");
        await GatehouseCli.JsonAsync(store, "app", "create", "--name", "second");
        await GatehouseCli.JsonAsync(store, "app", "api", "set", "--app", "first", "--identifier-uri", "api://shared");

        var taken = await GatehouseCli.RunAsync(store, "app", "api", "set", "--app", "second", "--identifier-uri", "api://shared");
        var spaced = await GatehouseCli.RunAsync(store, "app", "role", "add", "--app", "second", "--value", "Read all", "--display-name", "Read");

        Assert.NotEqual(0, taken.ExitCode);
        Assert.Contains("already uses", taken.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, spaced.ExitCode);
        Assert.Contains("no spaces", spaced.Error, StringComparison.Ordinal);
    }
}
