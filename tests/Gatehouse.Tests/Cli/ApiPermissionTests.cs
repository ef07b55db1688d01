using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app permission add|remove|list`: API permissions, found by name or ID in the API's catalogue.</summary>
public sealed class ApiPermissionTests
{
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    private const string UserReadScopeId = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";
    private const string CalendarsReadWriteRoleId = "ef54d2bf-783f-4e0f-bca1-3210c0444d99";

    [Theory]
    [BothStores]
    public async Task Permission_added_by_name_or_by_id_is_requested_and_listed_as_not_granted(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);

        var byName = await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite", "--type", "Application");
        var byId = await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", GraphAppId, "--permission", UserReadScopeId);

        Assert.Equal(CalendarsReadWriteRoleId, byName.GetProperty("id").GetString());
        Assert.Equal("User.Read", byId.GetProperty("permission").GetString());
        Assert.Equal("Delegated", byId.GetProperty("type").GetString());
        var rows = await PermissionRowsAsync(store, appId);
        Assert.Equal(["Calendars.ReadWrite Application", "User.Read Delegated"], rows.Select(r => $"{r.GetProperty("permission").GetString()} {r.GetProperty("type").GetString()}"));
        Assert.All(rows, r => Assert.Equal("Microsoft Graph", r.GetProperty("api").GetString()));
        Assert.All(rows, r => Assert.False(r.GetProperty("granted").GetBoolean()));
        var access = Assert.Single((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("requiredResourceAccess").EnumerateArray());
        Assert.Equal(GraphAppId, access.GetProperty("resourceAppId").GetString());
        Assert.Equal(
            [$"{UserReadScopeId} Scope", $"{CalendarsReadWriteRoleId} Role"],
            access.GetProperty("resourceAccess").EnumerateArray().Select(a => $"{a.GetProperty("id").GetString()} {a.GetProperty("type").GetString()}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [BothStores]
    public async Task Adding_the_same_permission_twice_requests_it_once(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);

        await AddAsync(store, appId, "User.Read", "Delegated");
        await AddAsync(store, appId, "user.read", "Delegated");
        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", GraphAppId, "--permission", UserReadScopeId);

        var row = Assert.Single(await PermissionRowsAsync(store, appId));
        Assert.Equal("User.Read", row.GetProperty("permission").GetString());
        var access = Assert.Single((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("requiredResourceAccess").EnumerateArray());
        Assert.Single(access.GetProperty("resourceAccess").EnumerateArray());
    }

    [Theory]
    [BothStores]
    public async Task Misspelt_permission_is_refused_naming_the_close_match(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var before = await ShowRawAsync(store, appId);

        var refusal = await GatehouseCli.RefusedAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendar.ReadWrite", "--type", "Delegated");

        Assert.Equal("NotFound", refusal.Code);
        Assert.Contains("Calendar.ReadWrite", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Calendars.ReadWrite", refusal.Message.Replace("'Calendar.ReadWrite'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, await ShowRawAsync(store, appId));
    }

    [Theory]
    [BothStores]
    public async Task Unknown_api_is_refused_and_nothing_is_requested(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var before = await ShowRawAsync(store, appId);

        foreach (var api in new[] { "Microsoft Grpah", Guid.NewGuid().ToString(), "https://contoso.com/payroll-api" })
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "app", "permission", "add", "--app", appId, "--api", api, "--permission", "User.Read", "--type", "Delegated");
            Assert.True(refusal.Code == "NotFound" && refusal.Message.Contains(api, StringComparison.Ordinal), $"--api {api} was refused with {refusal}");
        }

        Assert.Equal(before, await ShowRawAsync(store, appId));
    }

    [Theory]
    [BothStores]
    public async Task Permission_offered_both_ways_without_a_type_is_refused_asking_for_the_type(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var before = await ShowRawAsync(store, appId);

        var refusal = await GatehouseCli.RefusedAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite");
        var badType = await GatehouseCli.RefusedAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite", "--type", "Both");

        Assert.Equal("InvalidValue", refusal.Code);
        Assert.Contains("Delegated", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Application", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("type", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidValue", badType.Code);
        Assert.Contains("Both", badType.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ShowRawAsync(store, appId));
    }

    [Theory]
    [BothStores]
    public async Task Removed_permission_is_no_longer_requested(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        await AddAsync(store, appId, "Calendars.ReadWrite", "Application");
        await AddAsync(store, appId, "User.Read", "Delegated");

        await GatehouseCli.JsonAsync(store, "app", "permission", "remove", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite", "--type", "Application");

        var row = Assert.Single(await PermissionRowsAsync(store, appId));
        Assert.Equal("User.Read", row.GetProperty("permission").GetString());
        var again = await GatehouseCli.RefusedAsync(store, "app", "permission", "remove", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite", "--type", "Application");
        Assert.Equal("NotFound", again.Code);

        await GatehouseCli.JsonAsync(store, "app", "permission", "remove", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");

        Assert.Empty(await PermissionRowsAsync(store, appId));
        Assert.Empty((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("requiredResourceAccess").EnumerateArray());
    }

    private static Task<JsonElement> AddAsync(TestStore store, string appId, string permission, string type) =>
        GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", permission, "--type", type);

    private static async Task<List<JsonElement>> PermissionRowsAsync(TestStore store, string appId) =>
        [.. (await GatehouseCli.JsonAsync(store, "app", "permission", "list", "--app", appId)).GetProperty("value").EnumerateArray()];

    private static async Task<string> ShowRawAsync(TestStore store, string appId) => (await GatehouseCli.ShowAppAsync(store, appId)).GetRawText();
}
