using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app consent [--revoke]`: "Grant admin consent for Default Directory" and its revocation.</summary>
public sealed class AdminConsentTests
{
    private const string Granted = "Granted for Default Directory";
    private const string NotGranted = "Not granted for Default Directory";
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    private static readonly (string Permission, string Type)[] Requested =
    [
        ("Calendars.ReadWrite", "Application"),
        ("User.Read.All", "Application"),
        ("Calendars.ReadWrite", "Delegated"),
        ("User.Read", "Delegated"),
    ];

    [Theory]
    [BothStores]
    public async Task Consent_grants_every_requested_permission_and_revoking_takes_them_back(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppRequestingAsync(store, Requested);

        var granted = await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId);

        Assert.Equal(Requested.Length, granted.GetProperty("value").GetArrayLength());
        Assert.All(granted.GetProperty("value").EnumerateArray(), row => Assert.Equal(Granted, row.GetProperty("status").GetString()));
        Assert.All(await StatusAsync(store, appId), row => Assert.True(row.Granted, $"{row.Name} is not granted after consent"));

        var revoked = await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId, "--revoke");

        Assert.All(revoked.GetProperty("value").EnumerateArray(), row => Assert.Equal(NotGranted, row.GetProperty("status").GetString()));
        Assert.All(await StatusAsync(store, appId), row => Assert.False(row.Granted, $"{row.Name} is still granted after revoking"));
        var document = JsonDocument.Parse(await GatehouseCli.ExportAsync(store)).RootElement;
        Assert.Empty(document.GetProperty("appRoleAssignments").EnumerateArray());
        Assert.Empty(document.GetProperty("oauth2PermissionGrants").EnumerateArray());
    }

    [Theory]
    [BothStores]
    public async Task Permission_added_after_consent_is_not_granted_until_consent_is_granted_again(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppRequestingAsync(store, Requested);
        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId);

        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Mail.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Mail.Read", "--type", "Application");

        var status = await StatusAsync(store, appId);
        Assert.Equal(["Mail.Read Application", "Mail.Read Delegated"], status.Where(r => !r.Granted).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Requested.Length, status.Count(r => r.Granted));
        var table = await GatehouseCli.RunAsync(store, "app", "permission", "list", "--app", appId);
        Assert.Contains($"Mail.Read\tDelegated\tRead user mail\t-\t{NotGranted}", table.Output, StringComparison.Ordinal);

        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId);

        Assert.All(await StatusAsync(store, appId), row => Assert.True(row.Granted, $"{row.Name} is not granted after consenting again"));
    }

    [Theory]
    [BothStores]
    public async Task Export_after_consent_holds_app_role_assignments_and_a_tenant_wide_scope_grant(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppRequestingAsync(store, Requested);

        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId);

        var document = JsonDocument.Parse(await GatehouseCli.ExportAsync(store)).RootElement;
        var principals = document.GetProperty("servicePrincipals").EnumerateArray().ToList();
        var client = principals.Single(sp => sp.GetProperty("appId").GetString() == appId).GetProperty("id").GetString();
        var graph = principals.Single(sp => sp.GetProperty("appId").GetString() == GraphAppId).GetProperty("id").GetString();
        var roles = document.GetProperty("appRoleAssignments").EnumerateArray().ToList();
        Assert.Equal(
            ["df021288-bdef-4463-88db-98f22de89214", "ef54d2bf-783f-4e0f-bca1-3210c0444d99"],
            roles.Select(r => r.GetProperty("appRoleId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(roles, r => Assert.Equal(client, r.GetProperty("principalId").GetString()));
        Assert.All(roles, r => Assert.Equal(graph, r.GetProperty("resourceId").GetString()));
        var grant = Assert.Single(document.GetProperty("oauth2PermissionGrants").EnumerateArray());
        Assert.Equal("AllPrincipals", grant.GetProperty("consentType").GetString());
        Assert.Equal(client, grant.GetProperty("clientId").GetString());
        Assert.Equal(graph, grant.GetProperty("resourceId").GetString());
        Assert.Equal(["Calendars.ReadWrite", "User.Read"], grant.GetProperty("scope").GetString()!.Split(' ').Order(StringComparer.Ordinal));
    }

    private static async Task<string> CreateAppRequestingAsync(TestStore store, IEnumerable<(string Permission, string Type)> permissions)
    {
        var appId = await GatehouseCli.CreateAppAsync(store);
        foreach (var (permission, type) in permissions)
        {
            await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", permission, "--type", type);
        }

        return appId;
    }

    private static async Task<List<(string Name, bool Granted)>> StatusAsync(TestStore store, string appId)
    {
        var list = await GatehouseCli.JsonAsync(store, "app", "permission", "list", "--app", appId);
        return [.. list.GetProperty("value").EnumerateArray().Select(row =>
        {
            var granted = row.GetProperty("granted").GetBoolean();
            Assert.Equal(granted ? Granted : NotGranted, row.GetProperty("status").GetString());
            return ($"{row.GetProperty("permission").GetString()} {row.GetProperty("type").GetString()}", granted);
        })];
    }
}
