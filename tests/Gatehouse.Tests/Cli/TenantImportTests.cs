using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant import` of a hand-written document: plain passwords and secret values are hashed, consent is granted.</summary>
public sealed class TenantImportTests
{
    [Theory]
    [BothStores]
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
                    { "resourceAppId": "{{SampleTenant.GraphAppId}}", "resourceAccess": [ { "id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role" }, { "id": "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "type": "Scope" } ] }
                  ],
                  "grantAdminConsent": true
                }
              ]
            }
            """;

        await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("fabrikam.json", document));

        // One entry says what the import wrote, by whom; the objects it wrote have none each.
        var audits = await GatehouseCli.JsonAsync(store, "logs", "audits", "--tenant", "fabrikam.onmicrosoft.com");
        var imported = Assert.Single(audits.GetProperty("value").EnumerateArray());
        Assert.Equal(("Import tenant", "Tenant", tenantId.ToString(), "gatehouse CLI"), (
            imported.GetProperty("activityDisplayName").GetString(), imported.GetProperty("target").GetProperty("type").GetString(),
            imported.GetProperty("target").GetProperty("id").GetString(), imported.GetProperty("initiatedBy").GetProperty("displayName").GetString()));
        Assert.Contains(imported.GetProperty("modifiedProperties").EnumerateArray(),
            p => p.GetProperty("displayName").GetString() == "Users" && p.GetProperty("newValue").GetString() == "1");
        Assert.DoesNotContain(SecretText, audits.GetRawText(), StringComparison.Ordinal);

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
    [BothStores]
    public async Task Apps_that_share_a_name_are_both_imported_with_consent(string kind)
    {
        using var store = TestStore.Create(kind);
        var tenantId = Guid.NewGuid();
        var app = $$"""
            {
              "displayName": "Twin",
              "requiredResourceAccess": [ { "resourceAppId": "{{SampleTenant.GraphAppId}}", "resourceAccess": [ { "id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role" } ] } ],
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

    [Theory]
    [BothStores]
    public async Task Implicit_grant_settings_are_exported_and_imported_and_a_document_without_them_imports_them_off(string kind)
    {
        using var store = TestStore.Create(kind);
        var tenantId = Guid.NewGuid();
        var document = $$"""
            {
              "tenant": { "id": "{{tenantId}}", "displayName": "Fabrikam", "domains": [ { "name": "fabrikam.onmicrosoft.com", "isDefault": true } ] },
              "applications": [
                { "displayName": "Implicit", "web": { "redirectUris": [ "https://localhost/callback" ], "implicitGrantSettings": { "enableIdTokenIssuance": true, "enableAccessTokenIssuance": true } } },
                { "displayName": "Older", "web": { "redirectUris": [ "https://localhost/callback" ] } }
              ]
            }
            """;

        await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("implicit.json", document));
        var exported = await GatehouseCli.ExportAsync(store, "--tenant", tenantId.ToString());
        using var again = TestStore.Create(kind);
        await GatehouseCli.JsonAsync(again, "tenant", "import", again.WriteFile("again.json", exported));
        var reexported = JsonDocument.Parse(await GatehouseCli.ExportAsync(again, "--tenant", tenantId.ToString())).RootElement;

        (bool IdTokens, bool AccessTokens) Settings(JsonElement root, string name)
        {
            var settings = root.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == name)
                .GetProperty("web").GetProperty("implicitGrantSettings");
            return (settings.GetProperty("enableIdTokenIssuance").GetBoolean(), settings.GetProperty("enableAccessTokenIssuance").GetBoolean());
        }

        var first = JsonDocument.Parse(exported).RootElement;
        Assert.Equal((true, true), Settings(first, "Implicit"));
        Assert.Equal((false, false), Settings(first, "Older"));
        Assert.Equal((true, true), Settings(reexported, "Implicit"));
        Assert.Equal((false, false), Settings(reexported, "Older"));
    }

    [Theory]
    [BothStores]
    public async Task Dates_with_any_offset_and_precision_are_kept_as_the_same_instant_in_utc(string kind)
    {
        using var store = TestStore.Create(kind);
        var tenantId = Guid.NewGuid();
        var document = $$"""
            {
              "tenant": { "id": "{{tenantId}}", "displayName": "Fabrikam", "createdDateTime": "2026-01-01T10:00:00.1234567+01:00", "domains": [ { "name": "fabrikam.onmicrosoft.com", "isDefault": true } ] },
              "applications": [
                {
                  "displayName": "Importer",
                  "passwordCredentials": [ { "secretText": "Imp8Q~handwritten.secret-value_0123456789", "startDateTime": "2026-01-01T10:00:00+01:00", "endDateTime": "2027-01-01T10:00:00-05:00" } ]
                }
              ]
            }
            """;

        await GatehouseCli.JsonAsync(store, "tenant", "import", store.WriteFile("offsets.json", document));

        var root = JsonDocument.Parse(await GatehouseCli.ExportAsync(store, "--tenant", tenantId.ToString())).RootElement;
        var created = root.GetProperty("tenant").GetProperty("createdDateTime").GetDateTimeOffset();
        var secret = root.GetProperty("applications")[0].GetProperty("passwordCredentials")[0];
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560), created);
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), secret.GetProperty("startDateTime").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 15, 0, 0, TimeSpan.Zero), secret.GetProperty("endDateTime").GetDateTimeOffset());
    }
}
