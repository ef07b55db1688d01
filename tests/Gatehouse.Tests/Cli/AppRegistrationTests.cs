using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app create|show|list|delete|deleted|restore`: App registrations from the command line.</summary>
public sealed class AppRegistrationTests
{
    [Theory]
    [BothStores]
    public async Task Create_returns_the_client_id_and_object_id_that_show_finds_by_either_or_by_name(string kind)
    {
        using var store = TestStore.Create(kind);

        var created = await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Contoso Payroll", "--redirect-uri", "https://payroll.contoso.com/signin-oidc");
        var appId = created.GetProperty("appId").GetGuid();
        var objectId = created.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, appId);
        Assert.NotEqual(Guid.Empty, objectId);
        Assert.NotEqual(appId, objectId);

        var byAppId = await GatehouseCli.JsonAsync(store, "app", "show", "--app", appId.ToString());
        var byObjectId = await GatehouseCli.JsonAsync(store, "app", "show", "--app", objectId.ToString());
        var byName = await GatehouseCli.JsonAsync(store, "app", "show", "--app", "Contoso Payroll");
        foreach (var shown in new[] { byAppId, byObjectId, byName })
        {
            Assert.Equal(appId, shown.GetProperty("appId").GetGuid());
            Assert.Equal(objectId, shown.GetProperty("id").GetGuid());
            Assert.Equal("AzureADMyOrg", shown.GetProperty("signInAudience").GetString());
            Assert.Equal("https://payroll.contoso.com/signin-oidc", Assert.Single(shown.GetProperty("web").GetProperty("redirectUris").EnumerateArray()).GetString());
        }

        Assert.Equal(byAppId.GetRawText(), byObjectId.GetRawText());
        Assert.Equal(byAppId.GetRawText(), byName.GetRawText());
    }

    [Theory]
    [BothStores]
    public async Task Invalid_registration_is_refused_with_its_reason_and_registers_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        var before = await AppListAsync(store);
        (string[] Options, string ReasonMentions)[] invalid =
        [
            (["--name", ""], "name"),
            (["--name", "   "], "name"),
            (["--name", "Payroll", "--sign-in-audience", "AzureADMyOrgz"], "AzureADMyOrgz"),
            (["--name", "Payroll", "--redirect-uri", "https://*.contoso.com/signin-oidc"], "wildcard"),
            (["--name", "Payroll", "--redirect-uri", "http://payroll.contoso.com/signin-oidc"], "HTTPS"),
            (["--name", "Payroll", "--spa-redirect-uri", "http://payroll.contoso.com/"], "HTTPS"),
            (["--name", "Payroll", "--redirect-uri", "signin-oidc"], "absolute"),
        ];

        foreach (var (options, mentions) in invalid)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, ["app", "create", .. options]);
            Assert.True(
                refusal.Code == "InvalidValue" && refusal.Message.Contains(mentions, StringComparison.Ordinal),
                $"app create {string.Join(' ', options)} was refused with {refusal}");
        }

        Assert.Equal(before, await AppListAsync(store));
    }

    [Theory]
    [BothStores]
    public async Task Name_that_two_apps_share_is_refused_as_ambiguous_and_their_ids_still_work(string kind)
    {
        using var store = TestStore.Create(kind);
        var first = await GatehouseCli.CreateAppAsync(store, "Payroll");
        var second = await GatehouseCli.CreateAppAsync(store, "Payroll");

        var refusal = await GatehouseCli.RefusedAsync(store, "app", "show", "--app", "Payroll");

        Assert.Equal("Conflict", refusal.Code);
        Assert.Equal(first, (await GatehouseCli.ShowAppAsync(store, first)).GetProperty("appId").GetString());
        Assert.Equal(second, (await GatehouseCli.ShowAppAsync(store, second)).GetProperty("appId").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Plain_http_redirect_uri_on_localhost_is_accepted(string kind)
    {
        using var store = TestStore.Create(kind);

        var created = await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Local dev", "--redirect-uri", "http://localhost:5000/signin-oidc");

        Assert.Equal("http://localhost:5000/signin-oidc", Assert.Single(created.GetProperty("web").GetProperty("redirectUris").EnumerateArray()).GetString());
    }

    [Theory]
    [BothStores]
    public async Task Unknown_app_is_refused_as_not_found_by_every_verb_that_takes_one(string kind)
    {
        using var store = TestStore.Create(kind);
        await AppListAsync(store);
        var unknown = Guid.NewGuid().ToString();

        string[][] verbs =
        [
            ["app", "show", "--app", unknown],
            ["app", "delete", "--app", unknown],
            ["app", "secret", "add", "--app", unknown, "--expires", "1y"],
            ["app", "secret", "list", "--app", unknown],
            ["app", "permission", "list", "--app", unknown],
            ["app", "consent", "--app", unknown],
            ["app", "restore", "--id", unknown],
        ];
        foreach (var verb in verbs)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, verb);
            Assert.True(
                refusal.Code == "NotFound" && refusal.Message.Contains(unknown, StringComparison.Ordinal),
                $"{string.Join(' ', verb)} was refused with {refusal}");
        }
    }

    [Theory]
    [BothStores]
    public async Task Deleted_app_is_listed_as_deleted_and_restore_brings_it_back_with_its_secret(string kind)
    {
        using var store = TestStore.Create(kind);
        var created = await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Payroll");
        var appId = created.GetProperty("appId").GetString()!;
        var objectId = created.GetProperty("id").GetString()!;
        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--description", "payroll-job", "--expires", "1y");

        await GatehouseCli.JsonAsync(store, "app", "delete", "--app", appId);

        Assert.Empty((await GatehouseCli.JsonAsync(store, "app", "list")).GetProperty("value").EnumerateArray());
        Assert.Equal("NotFound", (await GatehouseCli.RefusedAsync(store, "app", "show", "--app", appId)).Code);
        var deleted = Assert.Single((await GatehouseCli.JsonAsync(store, "app", "deleted")).GetProperty("value").EnumerateArray());
        Assert.Equal(appId, deleted.GetProperty("appId").GetString());
        Assert.NotEqual(JsonValueKind.Null, deleted.GetProperty("deletedDateTime").ValueKind);

        var restored = await GatehouseCli.JsonAsync(store, "app", "restore", "--id", objectId);

        Assert.Equal(appId, restored.GetProperty("appId").GetString());
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("deletedDateTime").ValueKind);
        Assert.Empty((await GatehouseCli.JsonAsync(store, "app", "deleted")).GetProperty("value").EnumerateArray());
        var shown = await GatehouseCli.JsonAsync(store, "app", "show", "--app", appId);
        var credential = Assert.Single(shown.GetProperty("passwordCredentials").EnumerateArray());
        Assert.Equal(secret.GetProperty("keyId").GetGuid(), credential.GetProperty("keyId").GetGuid());
        Assert.Equal("payroll-job", credential.GetProperty("displayName").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Restore_with_an_id_that_is_not_a_guid_is_refused(string kind)
    {
        using var store = TestStore.Create(kind);
        await AppListAsync(store);

        var refusal = await GatehouseCli.RefusedAsync(store, "app", "restore", "--id", "payroll");

        Assert.Equal("InvalidValue", refusal.Code);
        Assert.Contains("payroll", refusal.Message, StringComparison.Ordinal);
    }

    private static async Task<string> AppListAsync(TestStore store) => (await GatehouseCli.JsonAsync(store, "app", "list")).GetRawText();
}
