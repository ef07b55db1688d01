using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Cli;

/// <summary>
/// `gatehouse tenant import --mode merge|replace`: merge (the default) adds and updates what the document lists and
/// leaves the rest; replace makes the tenant the document. Neither leaves the tenant without an administrator who can
/// sign in, nor admin-password.txt holding a password that signs nobody in.
/// </summary>
public sealed class TenantImportModeTests
{
    private const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

    [Theory]
    [BothStores]
    public async Task Merge_updates_and_adds_what_the_document_lists_and_keeps_what_it_does_not(string kind)
    {
        using var store = TestStore.Create(kind);
        await SampleTenant.BuildAsync(store);
        var document = SampleTenant.Edit(await GatehouseCli.ExportAsync(store), d =>
        {
            User(d, "alice@contoso.onmicrosoft.com")["displayName"] = "Alice Cooper";
            SampleTenant.Payroll(d)["web"]!["redirectUris"]!.AsArray().Add("https://payroll.contoso.com/signin-oidc-2");
            d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = "dave@contoso.onmicrosoft.com", ["password"] = "D4ve!Passw0rd" });
        });
        await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "carol@contoso.onmicrosoft.com", "--password", "C4rol!Passw0rd");
        var local = await GatehouseCli.CreateAppAsync(store, "Local");
        var localSecret = await GatehouseCli.AddSecretAsync(store, "Payroll", "1y");

        var summary = await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("merge.json", document));

        Assert.Equal("merge", summary.GetProperty("mode").GetString());
        var root = JsonDocument.Parse(await GatehouseCli.ExportAsync(store)).RootElement;
        Assert.Equal("Alice Cooper", Users(root).Single(u => Upn(u) == "alice@contoso.onmicrosoft.com").GetProperty("displayName").GetString());
        Assert.Contains(Users(root), u => Upn(u) == "dave@contoso.onmicrosoft.com");
        Assert.Contains(Users(root), u => Upn(u) == "carol@contoso.onmicrosoft.com");
        Assert.Contains(root.GetProperty("applications").EnumerateArray(), a => a.GetProperty("appId").GetString() == local);
        var payroll = root.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == "Payroll");
        Assert.Contains("https://payroll.contoso.com/signin-oidc-2", payroll.GetProperty("web").GetProperty("redirectUris").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(2, payroll.GetProperty("passwordCredentials").GetArrayLength());
        Assert.Contains(payroll.GetProperty("passwordCredentials").EnumerateArray(), c => c.GetProperty("keyId").GetString() == localSecret.GetProperty("keyId").GetString());

        var audits = await GatehouseCli.JsonAsync(store, "logs", "audits");
        var imported = audits.GetProperty("value").EnumerateArray().First(e => e.GetProperty("activityDisplayName").GetString() == "Import tenant");
        Assert.Contains(imported.GetProperty("modifiedProperties").EnumerateArray(),
            p => p.GetProperty("displayName").GetString() == "Mode" && p.GetProperty("newValue").GetString() == "\"merge\"");
    }

    [Theory]
    [BothStores]
    public async Task Replace_removes_what_the_document_does_not_list_and_keeps_the_administrator_who_signs_in(string kind)
    {
        using var store = TestStore.Create(kind);
        var (document, passwordFile, adminPassword) = await FirstStartAsync(store);
        await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "carol@contoso.onmicrosoft.com", "--password", "C4rol!Passw0rd");
        await GatehouseCli.CreateAppAsync(store, "Local");

        var summary = await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("replace.json", document), "--mode", "replace");

        Assert.Equal("replace", summary.GetProperty("mode").GetString());
        Assert.False(summary.GetProperty("administratorPasswordFileRemoved").GetBoolean());
        Assert.Equal(document, await GatehouseCli.ExportAsync(store));
        Assert.Equal("NotFound", (await GatehouseCli.RefusedAsync(store, "user", "show", "carol@contoso.onmicrosoft.com")).Code);
        Assert.True(File.Exists(passwordFile));
        Assert.True(await SignsInAsync(store, "admin@contoso.onmicrosoft.com", adminPassword));
    }

    [Theory]
    [BothStores]
    public async Task Import_that_would_leave_no_administrator_who_can_sign_in_is_refused_in_either_mode(string kind)
    {
        using var store = TestStore.Create(kind);
        var before = await GatehouseCli.ExportAsync(store);
        var withoutAdministrator = SampleTenant.Edit(before, d =>
        {
            d["users"]!.AsArray().Remove(User(d, "admin@contoso.onmicrosoft.com"));
            d["directoryRoles"] = new JsonArray();
        });
        var disabled = SampleTenant.Edit(before, d => User(d, "admin@contoso.onmicrosoft.com")["accountEnabled"] = false);

        foreach (var (document, mode) in new[] { (withoutAdministrator, "replace"), (disabled, "merge"), (disabled, "replace") })
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "import", store.WriteFile("no-admin.json", document), "--mode", mode);
            Assert.Contains("without a Global Administrator who can sign in", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await GatehouseCli.ExportAsync(store));
    }

    [Theory]
    [BothStores]
    public async Task Replace_with_another_administrator_removes_the_password_file_that_no_longer_signs_in(string kind)
    {
        using var store = TestStore.Create(kind);
        var (exported, passwordFile, adminPassword) = await FirstStartAsync(store);
        var operatorId = Guid.NewGuid().ToString();
        var document = SampleTenant.Edit(exported, d =>
        {
            d["users"] = new JsonArray(new JsonObject { ["id"] = operatorId, ["userPrincipalName"] = "ops@contoso.onmicrosoft.com", ["password"] = "0ps!Passw0rd-2027" });
            d["directoryRoles"] = new JsonArray(new JsonObject { ["roleTemplateId"] = GlobalAdministrator, ["members"] = new JsonArray(operatorId) });
        });

        var result = await GatehouseCli.RunAsync(store, "tenant", "import", store.WriteFile("ops.json", document), "--mode", "replace");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("admin-password.txt was removed", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(passwordFile));
        Assert.True(await SignsInAsync(store, "ops@contoso.onmicrosoft.com", "0ps!Passw0rd-2027"));
        Assert.False(await SignsInAsync(store, "admin@contoso.onmicrosoft.com", adminPassword));
    }

    [Theory]
    [BothStores]
    public async Task Export_imported_back_in_either_mode_exports_identically(string kind)
    {
        using var store = TestStore.Create(kind);
        await SampleTenant.BuildAsync(store);
        var exported = await GatehouseCli.ExportAsync(store);

        foreach (var mode in new[] { "merge", "replace", "merge" })
        {
            await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile($"{mode}.json", exported), "--mode", mode);
            Assert.Equal(exported, await GatehouseCli.ExportAsync(store));
        }
    }

    /// <summary>A fresh store's tenant document, after the first start that wrote admin-password.txt, with that file and its password.</summary>
    private static async Task<(string Document, string PasswordFile, string Password)> FirstStartAsync(TestStore store)
    {
        var document = await GatehouseCli.ExportAsync(store);
        var passwordFile = Path.Combine(store.DataFolder, "admin-password.txt");
        return (document, passwordFile, (await File.ReadAllTextAsync(passwordFile, TestContext.Current.CancellationToken)).Trim());
    }

    private static JsonNode User(JsonNode document, string upn) =>
        document["users"]!.AsArray().Single(u => u!["userPrincipalName"]!.GetValue<string>() == upn)!;

    private static JsonElement.ArrayEnumerator Users(JsonElement root) => root.GetProperty("users").EnumerateArray();

    private static string? Upn(JsonElement user) => user.GetProperty("userPrincipalName").GetString();

    private static async Task<bool> SignsInAsync(TestStore store, string upn, string password)
    {
        await using var harness = await DirectoryHarness.OpenAsync(store);
        return await harness.RunAsync(async s =>
        {
            var accounts = s.GetRequiredService<UserAccounts>();
            var user = await accounts.FindAsync(harness.Tenant.Id, upn, TestContext.Current.CancellationToken);
            return user is { AccountEnabled: true } && accounts.HasPassword(user, password);
        });
    }
}
