using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse user create`: users on the tenant's domains, with Entra's password policy and an optional directory role.</summary>
public sealed class UserTests
{
    private const string ApplicationAdministratorTemplateId = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";

    [Theory]
    [BothStores]
    public async Task User_on_the_tenants_domain_is_created_with_the_role_given(string kind)
    {
        using var store = TestStore.Create(kind);

        var plain = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "bob@contoso.onmicrosoft.com", "--password", "B0b!Passw0rd");
        var admin = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "alice@contoso.onmicrosoft.com", "--password", "Al1ce!Passw0rd",
            "--display-name", "Alice Admin", "--role", "Application Administrator");

        Assert.Equal("bob", plain.GetProperty("displayName").GetString());
        Assert.Empty(plain.GetProperty("roles").EnumerateArray());
        Assert.Equal("Alice Admin", admin.GetProperty("displayName").GetString());
        Assert.Equal("Application Administrator", Assert.Single(admin.GetProperty("roles").EnumerateArray()).GetString());
        var document = JsonDocument.Parse(await GatehouseCli.ExportAsync(store)).RootElement;
        Assert.Contains(document.GetProperty("users").EnumerateArray(), u => u.GetProperty("id").GetString() == plain.GetProperty("id").GetString());
        var role = document.GetProperty("directoryRoles").EnumerateArray().Single(r => r.GetProperty("roleTemplateId").GetString() == ApplicationAdministratorTemplateId);
        Assert.Equal(admin.GetProperty("id").GetString(), Assert.Single(role.GetProperty("members").EnumerateArray()).GetString());
    }

    [Theory]
    [BothStores]
    public async Task Foreign_domain_duplicate_upn_weak_password_unknown_role_and_overlong_names_are_refused_and_create_nobody(string kind)
    {
        using var store = TestStore.Create(kind);
        await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "alice@contoso.onmicrosoft.com", "--password", "Al1ce!Passw0rd");
        var before = await GatehouseCli.ExportAsync(store);
        (string[] Options, string Code, string ReasonMentions)[] refused =
        [
            (["--upn", "carol@fabrikam.com", "--password", "Car0l!Passw0rd"], "InvalidValue", "fabrikam.com"),
            (["--upn", "carol", "--password", "Car0l!Passw0rd"], "InvalidValue", "carol"),
            (["--upn", "alice@contoso.onmicrosoft.com", "--password", "Al1ce!Passw0rd"], "Conflict", "alice@contoso.onmicrosoft.com"),
            (["--upn", "ALICE@Contoso.onmicrosoft.com", "--password", "Al1ce!Passw0rd"], "Conflict", "ALICE@Contoso.onmicrosoft.com"),
            (["--upn", "carol@contoso.onmicrosoft.com", "--password", "password"], "InvalidValue", "password"),
            (["--upn", "carol@contoso.onmicrosoft.com", "--password", "Sh0rt!"], "InvalidValue", "8"),
            (["--upn", "carol@contoso.onmicrosoft.com", "--password", "Car0l!Passw0rd", "--role", "Global Reader"], "InvalidValue", "Global Reader"),
            (["--upn", new string('c', 90) + "@contoso.onmicrosoft.com", "--password", "Car0l!Passw0rd"], "InvalidValue", "113"),
            (["--upn", "carol@contoso.onmicrosoft.com", "--password", "Car0l!Passw0rd", "--display-name", new string('C', 257)], "InvalidValue", "256"),
        ];

        foreach (var (options, code, mentions) in refused)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, ["user", "create", .. options]);
            Assert.True(
                refusal.Code == code && refusal.Message.Contains(mentions, StringComparison.Ordinal),
                $"user create {string.Join(' ', options)} was refused with {refusal}");
        }

        Assert.Equal(before, await GatehouseCli.ExportAsync(store));
    }
}
