using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// A tenant with something of every kind, made through the CLI: users with a role, a group, apps with redirect URIs, a
/// secret, a certificate, permissions and consent, and a deleted app. Keeps what an export must never show.
/// </summary>
internal sealed record SampleTenant(string SecretText, string CertificateThumbprint, byte[] CertificatePrivateKey)
{
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    public static async Task<SampleTenant> BuildAsync(TestStore store)
    {
        var alice = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "alice@contoso.onmicrosoft.com", "--password", "Al1ce!Passw0rd", "--display-name", "Alice", "--role", "Application Administrator");
        var bob = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "bob@contoso.onmicrosoft.com", "--password", "B0b!Passw0rd");
        var payroll = (await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Payroll",
            "--redirect-uri", "https://payroll.contoso.com/signin-oidc", "--spa-redirect-uri", "https://payroll.contoso.com/",
            "--public-client-redirect-uri", "msalpayroll://auth")).GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Expenses", "--sign-in-audience", "AzureADMultipleOrgs");
        var retired = await GatehouseCli.CreateAppAsync(store, "Retired");
        await GatehouseCli.JsonAsync(store, "app", "delete", "--app", retired);
        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", payroll, "--description", "payroll-job", "--expires", "never");
        using var certificate = TestCertificates.CreateCurrent("CN=payroll-signing");
        using var privateKey = certificate.GetRSAPrivateKey()!;
        await GatehouseCli.JsonAsync(store, "app", "cert", "add", "--app", payroll, "--file", store.WriteFile("payroll.pem", certificate.ExportCertificatePem()));
        foreach (var (permission, type) in new[] { ("User.Read.All", "Application"), ("User.Read", "Delegated"), ("Calendars.ReadWrite", "Delegated") })
        {
            await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", payroll, "--api", "Microsoft Graph", "--permission", permission, "--type", type);
        }

        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", payroll);

        // No verb makes groups yet: add one to the exported document and import it back.
        var withGroup = Edit(await GatehouseCli.ExportAsync(store), d => d["groups"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["displayName"] = "Payroll admins",
            ["members"] = new JsonArray(alice.GetProperty("id").GetString(), bob.GetProperty("id").GetString()),
            ["owners"] = new JsonArray(alice.GetProperty("id").GetString()),
        }));
        await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("with-group.json", withGroup));
        return new SampleTenant(secret.GetProperty("secretText").GetString()!, certificate.Thumbprint, privateKey.ExportPkcs8PrivateKey());
    }

    /// <summary>Changes a tenant document as a person editing its JSON would.</summary>
    public static string Edit(string document, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(document)!;
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>The sample's Payroll app in a tenant document.</summary>
    public static JsonNode Payroll(JsonNode document) =>
        document["applications"]!.AsArray().Single(a => a!["displayName"]!.GetValue<string>() == "Payroll")!;
}
