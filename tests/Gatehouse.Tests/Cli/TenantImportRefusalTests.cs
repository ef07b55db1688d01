using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant import` of a document it cannot take: refused with the reason, all or nothing.</summary>
public sealed class TenantImportRefusalTests
{
    [Theory]
    [BothStores]
    public async Task Malformed_document_is_refused_with_its_reason_and_changes_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        await SampleTenant.BuildAsync(store);
        var before = await GatehouseCli.ExportAsync(store);
        var missingMember = Guid.NewGuid();
        using var withKey = TestCertificates.CreateCurrent();
        (string Name, string Document, string ReasonMentions)[] malformed =
        [
            ("not JSON", "users: alice, bob", "not a tenant document"),
            ("empty", "", "not a tenant document"),
            ("unknown property", SampleTenant.Edit(before, d => d["favouriteColour"] = "blue"), "favouriteColour"),
            ("unknown schema", SampleTenant.Edit(before, d => d["schema"] = "gatehouse.tenant/v0"), "gatehouse.tenant/v0"),
            ("dangling group member", SampleTenant.Edit(before, d => d["groups"]![0]!["members"]!.AsArray().Add(missingMember.ToString())), missingMember.ToString()),
            ("2-byte salt", SampleTenant.Edit(before, d => SampleTenant.Payroll(d)["passwordCredentials"]![0]!["secretHash"]!["salt"] = Convert.ToBase64String([1, 2])), "salt"),
            ("weak password", SampleTenant.Edit(before, d => d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = "weak@contoso.onmicrosoft.com", ["password"] = "password" })), "weak@contoso.onmicrosoft.com"),
            ("foreign user domain", SampleTenant.Edit(before, d => d["users"]![0]!["userPrincipalName"] = "alice@fabrikam.com"), "alice@fabrikam.com"),
            ("the Azure CLI's appId", SampleTenant.Edit(before, d => SampleTenant.Payroll(d)["appId"] = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"), "Microsoft application"),
            ("wildcard redirect", SampleTenant.Edit(before, d => SampleTenant.Payroll(d)["web"]!["redirectUris"]!.AsArray().Add("https://*.contoso.com/cb")), "wildcard"),
            ("private key as certificate", SampleTenant.Edit(before, d => SampleTenant.Payroll(d)["keyCredentials"]![0]!["key"] = Convert.ToBase64String(withKey.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "pfx"))), "certificate"),
            ("random bytes as certificate", SampleTenant.Edit(before, d => SampleTenant.Payroll(d)["keyCredentials"]![0]!["key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1500))), "certificate"),
            ("overlong upn", SampleTenant.Edit(before, d => d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = new string('c', 90) + "@contoso.onmicrosoft.com", ["password"] = "Str0ng!Passw0rd" })), "113"),
            ("duplicate upn", SampleTenant.Edit(before, d => d["users"]!.AsArray().Add(new JsonObject { ["userPrincipalName"] = "ALICE@contoso.onmicrosoft.com", ["password"] = "Str0ng!Passw0rd" })), "ALICE@CONTOSO.ONMICROSOFT.COM"),
        ];

        foreach (var (name, document, mentions) in malformed)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "import", store.WriteFile("malformed.json", document));
            Assert.True(refusal.Message.Contains(mentions, StringComparison.Ordinal), $"{name}: refused with {refusal}");
        }

        Assert.Equal(before, await GatehouseCli.ExportAsync(store));
    }

    [Theory]
    [BothStores]
    public async Task Copy_whose_object_ids_belong_to_another_tenant_is_refused_as_a_conflict_and_changes_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        var original = await GatehouseCli.ExportAsync(store);
        var copyId = Guid.NewGuid().ToString();
        var copy = SampleTenant.Edit(original, d =>
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
}
