using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>The seed document's steps, from the command line: register, record the client ID, add a never-expiring secret, add permissions, grant admin consent.</summary>
public sealed class SeedStoryTests
{
    private static readonly (string Api, string Permission, string Type, string Description, bool AdminConsent)[] SeedPermissions =
    [
        ("Azure Active Directory Graph", "Application.ReadWrite.All", "Application", "Read and write all applications", true),
        ("Azure Active Directory Graph", "Device.ReadWrite.All", "Application", "Read and write devices", true),
        ("Azure Active Directory Graph", "Directory.ReadWrite.All", "Delegated", "Read and write directory data", true),
        ("Azure Active Directory Graph", "Directory.ReadWrite.All", "Application", "Read and write directory data", true),
        ("Azure Active Directory Graph", "Domain.ReadWrite.All", "Application", "Read and write domains", true),
        ("Azure Active Directory Graph", "Group.ReadWrite.All", "Delegated", "Read and write all groups", true),
        ("Azure Active Directory Graph", "Member.Read.Hidden", "Application", "Read all hidden memberships", true),
        ("Azure Active Directory Graph", "User.ReadBasic.All", "Delegated", "Read all users' basic profiles", false),
        ("Microsoft Graph", "Calendars.ReadWrite", "Delegated", "Have full access to user calendars", false),
    ];

    [Theory]
    [BothStores]
    public async Task The_seed_steps_register_an_app_with_a_never_expiring_secret_and_consented_permissions(string kind)
    {
        using var store = TestStore.Create(kind);

        var app = await GatehouseCli.JsonAsync(store, "app", "create", "--name", "myCoolInstance");
        var appId = app.GetProperty("appId").GetGuid();
        Assert.NotEqual(Guid.Empty, appId);

        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId.ToString(), "--description", "myCoolSecret", "--expires", "never");
        Assert.Equal("myCoolSecret", secret.GetProperty("displayName").GetString());
        Assert.Equal(new DateTimeOffset(2299, 12, 31, 0, 0, 0, TimeSpan.Zero), secret.GetProperty("endDateTime").GetDateTimeOffset());
        Assert.Equal(40, secret.GetProperty("secretText").GetString()!.Length);

        foreach (var (api, permission, type, _, _) in SeedPermissions)
        {
            await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId.ToString(), "--api", api, "--permission", permission, "--type", type);
        }

        var before = await GatehouseCli.JsonAsync(store, "app", "permission", "list", "--app", appId.ToString());
        Assert.All(before.GetProperty("value").EnumerateArray(), row => Assert.False(row.GetProperty("granted").GetBoolean()));

        var consented = await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId.ToString());
        var rows = consented.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(SeedPermissions.Length, rows.Count);
        foreach (var (api, permission, type, description, adminConsent) in SeedPermissions)
        {
            var row = Assert.Single(rows, r => r.GetProperty("permission").GetString() == permission && r.GetProperty("type").GetString() == type);
            Assert.Equal(api, row.GetProperty("api").GetString());
            Assert.Equal(description, row.GetProperty("description").GetString());
            Assert.Equal(adminConsent, row.GetProperty("adminConsentRequired").GetBoolean());
            Assert.Equal("Granted for Default Directory", row.GetProperty("status").GetString());
        }

        var listed = await GatehouseCli.RunAsync(store, "app", "secret", "list", "--app", "myCoolInstance");
        Assert.Contains("myCoolSecret\t12/31/2299", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.GetProperty("secretText").GetString()!, listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Human_readable_output_names_the_application_client_id()
    {
        using var store = TestStore.Sqlite();
        var result = await GatehouseCli.RunAsync(store, "app", "create", "--name", "myCoolInstance");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Application \(client\) ID: [0-9a-f-]{36}", result.Output);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Output).Dispose());
    }
}
