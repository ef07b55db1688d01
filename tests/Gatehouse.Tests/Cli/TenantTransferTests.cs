using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant export|import`: the whole tenant as one declarative document, all or nothing.</summary>
public sealed class TenantTransferTests
{
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    [Theory]
    [InlineData("sqlite", "sqlite")]
    [InlineData("postgres", "postgres")]
    [InlineData("sqlite", "postgres")]
    [InlineData("postgres", "sqlite")]
    public async Task Exported_tenant_imported_into_a_fresh_store_exports_identically(string fromKind, string toKind)
    {
        using var source = TestStore.Create(fromKind);
        using var target = TestStore.Create(toKind);
        await BuildTenantAsync(source);
        var exported = await GatehouseCli.ExportAsync(source);

        var summary = await GatehouseCli.JsonAsync(target, "tenant", "import", target.WriteFile("tenant.json", exported));

        Assert.Equal(3, summary.GetProperty("users").GetInt32());
        Assert.Equal(1, summary.GetProperty("groups").GetInt32());
        Assert.Equal(2, summary.GetProperty("applications").GetInt32());
        Assert.Equal(exported, await GatehouseCli.ExportAsync(target));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Export_holds_no_secret_value_and_no_private_key(string kind)
    {
        using var store = TestStore.Create(kind);
        var built = await BuildTenantAsync(store);

        var exported = await GatehouseCli.ExportAsync(store);

        Assert.DoesNotContain(built.SecretText, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(built.CertificatePrivateKey), exported, StringComparison.Ordinal);
        var application = JsonDocument.Parse(exported).RootElement.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == "Payroll");
        var secret = Assert.Single(application.GetProperty("passwordCredentials").EnumerateArray());
        Assert.False(secret.TryGetProperty("secretText", out _));
        Assert.Equal(built.SecretText[..3], secret.GetProperty("hint").GetString());
        var key = Assert.Single(application.GetProperty("keyCredentials").EnumerateArray()).GetProperty("key").GetBytesFromBase64();
        using var certificate = X509CertificateLoader.LoadCertificate(key);
        Assert.False(certificate.HasPrivateKey);
        Assert.Equal(built.CertificateThumbprint, certificate.Thumbprint);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Malformed_document_is_refused_with_its_reason_and_changes_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        await BuildTenantAsync(store);
        var before = await GatehouseCli.ExportAsync(store);
        var missingMember = Guid.NewGuid();
        using var withKey = TestCertificates.CreateCurrent();
        (string Name, string Document, string ReasonMentions)[] malformed =
        [
            ("not JSON", "users: alice, bob", "not a tenant document"),
            ("empty", "", "not a tenant document"),
            ("unknown property", Edit(before, d => d["favouriteColour"] = "blue"), "favouriteColour"),
            ("unknown schema", Edit(before, d => d["schema"] = "gatehouse.tenant/v0"), "gatehouse.tenant/v0"),
            ("dangling group member", Edit(before, d => d["groups"]![0]!["members"]!.AsArray().Add(missingMember.ToString())), missingMember.ToString()),
            ("2-byte salt", Edit(before, d => Payroll(d)["passwordCredentials"]![0]!["secretHash"]!["salt"] = Convert.ToBase64String([1, 2])), "salt"),
            ("weak password", Edit(before, d => d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = "weak@contoso.onmicrosoft.com", ["password"] = "password" })), "weak@contoso.onmicrosoft.com"),
            ("foreign user domain", Edit(before, d => d["users"]![0]!["userPrincipalName"] = "alice@fabrikam.com"), "alice@fabrikam.com"),
            ("wildcard redirect", Edit(before, d => Payroll(d)["web"]!["redirectUris"]!.AsArray().Add("https://*.contoso.com/cb")), "wildcard"),
            ("private key as certificate", Edit(before, d => Payroll(d)["keyCredentials"]![0]!["key"] = Convert.ToBase64String(withKey.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "pfx"))), "certificate"),
            ("random bytes as certificate", Edit(before, d => Payroll(d)["keyCredentials"]![0]!["key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1500))), "certificate"),
            ("overlong upn", Edit(before, d => d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = new string('c', 90) + "@contoso.onmicrosoft.com", ["password"] = "Str0ng!Passw0rd" })), "113"),
            ("duplicate upn", Edit(before, d => d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = "ALICE@contoso.onmicrosoft.com", ["password"] = "Str0ng!Passw0rd" })), "ALICE@CONTOSO.ONMICROSOFT.COM"),
        ];

        foreach (var (name, document, mentions) in malformed)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "import", store.WriteFile("malformed.json", document));
            Assert.True(refusal.Message.Contains(mentions, StringComparison.Ordinal), $"{name}: refused with {refusal}");
        }

        Assert.Equal(before, await GatehouseCli.ExportAsync(store));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Copy_whose_object_ids_belong_to_another_tenant_is_refused_as_a_conflict_and_changes_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        var original = await GatehouseCli.ExportAsync(store);
        var copyId = Guid.NewGuid().ToString();
        var copy = Edit(original, d =>
        {
            d["tenant"]!["id"] = copyId;
            d["tenant"]!["domains"] = new JsonArray(new JsonObject { ["name"] = "fabrikam.onmicrosoft.com", ["isDefault"] = true });
            foreach (var user in d["users"]!.AsArray())
            {
                user!["userPrincipalName"] = user["userPrincipalName"]!.GetValue<string>().Replace("contoso", "fabrikam", StringComparison.Ordinal);
            }
        });

        var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "import", store.WriteFile("copy.json", copy));

        Assert.Equal("Conflict", refusal.Code);
        Assert.Equal(original, await GatehouseCli.ExportAsync(store));
        Assert.Equal("NotFound", (await GatehouseCli.RefusedAsync(store, "app", "list", "--tenant", copyId)).Code);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Hand_written_document_with_a_password_a_secret_value_and_consent_imports_a_working_tenant(string kind)
    {
        using var store = TestStore.Create(kind);
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var keyId = Guid.NewGuid();
        const string Password = "Imp0rted!Passw0rd";
        const string SecretText = "Imp8Q~handwritten.secret-value_0123456789";
        var document = $$"""
            {
              "schema": "gatehouse.tenant/v1",
              "tenant": { "id": "{{tenantId}}", "displayName": "Fabrikam", "domains": [ { "name": "fabrikam.onmicrosoft.com", "isDefault": true, "isInitial": true } ] },
              "users": [ { "id": "{{userId}}", "userPrincipalName": "ops@fabrikam.onmicrosoft.com", "password": "{{Password}}" } ],
              "directoryRoles": [ { "roleTemplateId": "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "members": [ "{{userId}}" ] } ],
              "applications": [
                {
                  "displayName": "Importer",
                  "passwordCredentials": [ { "keyId": "{{keyId}}", "displayName": "ci", "secretText": "{{SecretText}}" } ],
                  "requiredResourceAccess": [
                    { "resourceAppId": "{{GraphAppId}}", "resourceAccess": [ { "id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role" }, { "id": "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "type": "Scope" } ] }
                  ],
                  "grantAdminConsent": true
                }
              ]
            }
            """;

        await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("fabrikam.json", document));

        var permissions = await GatehouseCli.JsonAsync(store, "app", "permission", "list", "--app", "Importer", "--tenant", "fabrikam.onmicrosoft.com");
        Assert.Equal(2, permissions.GetProperty("value").GetArrayLength());
        Assert.All(permissions.GetProperty("value").EnumerateArray(), row => Assert.Equal("Granted for Fabrikam", row.GetProperty("status").GetString()));
        var exported = await GatehouseCli.ExportAsync(store, "--tenant", "fabrikam.onmicrosoft.com");
        Assert.DoesNotContain(SecretText, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, exported, StringComparison.Ordinal);
        var root = JsonDocument.Parse(exported).RootElement;
        Assert.Equal("Imp", root.GetProperty("applications")[0].GetProperty("passwordCredentials")[0].GetProperty("hint").GetString());
        Assert.Equal(userId.ToString(), Assert.Single(Assert.Single(root.GetProperty("directoryRoles").EnumerateArray()).GetProperty("members").EnumerateArray()).GetString());

        await using var harness = await DirectoryHarness.OpenAsync(store);
        var cancellationToken = TestContext.Current.CancellationToken;
        var credential = await harness.RunAsync(s => s.GetRequiredService<GatehouseDb>().PasswordCredentials.AsNoTracking().SingleAsync(c => c.KeyId == keyId, cancellationToken));
        Assert.True(ClientSecretHash.Matches(credential, SecretText));
        Assert.False(ClientSecretHash.Matches(credential, SecretText + "x"));
        var passwordMatches = await harness.RunAsync(async s =>
        {
            var accounts = s.GetRequiredService<UserAccounts>();
            var user = await accounts.FindAsync(tenantId, "ops@fabrikam.onmicrosoft.com", cancellationToken);
            return user is not null && accounts.HasPassword(user, Password) && !accounts.HasPassword(user, Password + "x");
        });
        Assert.True(passwordMatches);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Apps_that_share_a_name_are_both_imported_with_consent(string kind)
    {
        using var store = TestStore.Create(kind);
        var tenantId = Guid.NewGuid();
        var app = $$"""
            {
              "displayName": "Twin",
              "requiredResourceAccess": [ { "resourceAppId": "{{GraphAppId}}", "resourceAccess": [ { "id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role" } ] } ],
              "grantAdminConsent": true
            }
            """;
        var document = $$"""
            {
              "tenant": { "id": "{{tenantId}}", "displayName": "Fabrikam", "domains": [ { "name": "fabrikam.onmicrosoft.com", "isDefault": true } ] },
              "applications": [ {{app}}, {{app}} ]
            }
            """;

        await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("twins.json", document));

        var root = JsonDocument.Parse(await GatehouseCli.ExportAsync(store, "--tenant", tenantId.ToString())).RootElement;
        Assert.Equal(2, root.GetProperty("applications").GetArrayLength());
        Assert.Equal(2, root.GetProperty("appRoleAssignments").GetArrayLength());
    }

    /// <summary>A tenant with something of every kind: users with a role, a group, apps with redirect URIs, a secret, a certificate, permissions and consent, and a deleted app.</summary>
    private static async Task<BuiltTenant> BuildTenantAsync(TestStore store)
    {
        var alice = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "alice@contoso.onmicrosoft.com", "--password", "Al1ce!Passw0rd", "--display-name", "Alice", "--role", "Application Administrator");
        var bob = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "bob@contoso.onmicrosoft.com", "--password", "B0b!Passw0rd");
        var payroll = (await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Payroll",
            "--redirect-uri", "https://payroll.contoso.com/signin-oidc", "--spa-redirect-uri", "https://payroll.contoso.com/",
            "--public-client-redirect-uri", "msalpayroll://auth")).GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Expenses", "--sign-in-audience", "AzureADMultipleOrgs");
        var retired = (await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Retired")).GetProperty("appId").GetString()!;
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
        return new BuiltTenant(secret.GetProperty("secretText").GetString()!, certificate.Thumbprint, privateKey.ExportPkcs8PrivateKey());
    }

    private static string Edit(string document, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(document)!;
        edit(node);
        return node.ToJsonString();
    }

    private static JsonNode Payroll(JsonNode document) =>
        document["applications"]!.AsArray().Single(a => a!["displayName"]!.GetValue<string>() == "Payroll")!;

    private sealed record BuiltTenant(string SecretText, string CertificateThumbprint, byte[] CertificatePrivateKey);
}
