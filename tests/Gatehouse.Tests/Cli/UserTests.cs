using System.Net;
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

    [Theory]
    [BothStores]
    public async Task Users_are_listed_searched_shown_with_groups_and_roles_updated_and_deleted(string kind)
    {
        using var store = TestStore.Create(kind);
        await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "zoe@contoso.onmicrosoft.com", "--password", "Z0e!Passw0rd-9", "--display-name", "Zoe Ortiz");
        await GatehouseCli.JsonAsync(store, "user", "create", "--upn", "zack@contoso.onmicrosoft.com", "--password", "Z4ck!Passw0rd-9", "--display-name", "Zack Ortiz",
            "--role", "Application Administrator");
        await GatehouseCli.JsonAsync(store, "group", "create", "--name", "Field engineers", "--description", "On site");
        await GatehouseCli.JsonAsync(store, "group", "member", "add", "--group", "Field engineers", "--member", "zack@contoso.onmicrosoft.com");

        var searched = await GatehouseCli.JsonAsync(store, "user", "list", "--search", "za");
        var shown = await GatehouseCli.JsonAsync(store, "user", "show", "zack@contoso.onmicrosoft.com");
        var group = await GatehouseCli.JsonAsync(store, "group", "show", "Field engineers");
        var updated = await GatehouseCli.JsonAsync(store, "user", "update", "zoe@contoso.onmicrosoft.com", "--account-enabled", "false", "--job-title", "Surveyor");
        await GatehouseCli.JsonAsync(store, "group", "member", "remove", "--group", "Field engineers", "--member", "zack@contoso.onmicrosoft.com");
        var afterRemoval = await GatehouseCli.JsonAsync(store, "user", "show", "zack@contoso.onmicrosoft.com");
        await GatehouseCli.JsonAsync(store, "user", "delete", "zoe@contoso.onmicrosoft.com");
        await GatehouseCli.JsonAsync(store, "group", "delete", "Field engineers");

        Assert.Equal(["zack@contoso.onmicrosoft.com"], searched.GetProperty("value").EnumerateArray().Select(u => u.GetProperty("userPrincipalName").GetString()));
        Assert.Equal(["Field engineers"], shown.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("displayName").GetString()));
        Assert.Equal(["Application Administrator"], shown.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(shown.GetProperty("user").GetProperty("id").GetString(), Assert.Single(group.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal((false, "Surveyor"), (updated.GetProperty("accountEnabled").GetBoolean(), updated.GetProperty("jobTitle").GetString()));
        Assert.Empty(afterRemoval.GetProperty("groups").EnumerateArray());
        Assert.Equal("NotFound", (await GatehouseCli.RefusedAsync(store, "user", "show", "zoe@contoso.onmicrosoft.com")).Code);
        Assert.Equal("NotFound", (await GatehouseCli.RefusedAsync(store, "group", "show", "Field engineers")).Code);
        Assert.Equal(["zack@contoso.onmicrosoft.com"],
            (await GatehouseCli.JsonAsync(store, "user", "list", "--search", "z")).GetProperty("value").EnumerateArray().Select(u => u.GetProperty("userPrincipalName").GetString()));
    }

    [Fact]
    public async Task A_reset_password_is_shown_once_signs_in_and_the_old_one_no_longer_does()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite());
        using var user = await DelegatedSignIn.CreatePublicAsync(gatehouse, "reset", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        var reset = await GatehouseCli.JsonAsync(gatehouse.Store, "user", "password", "reset", user.Upn);
        var password = reset.GetProperty("password").GetString()!;
        var given = await GatehouseCli.JsonAsync(gatehouse.Store, "user", "password", "reset", user.Upn, "--password", password + "2");

        Assert.Equal(JsonValueKind.Null, given.GetProperty("password").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await PasswordGrantAsync(gatehouse, user.Client.AppId, user.Upn, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PasswordGrantAsync(gatehouse, user.Client.AppId, user.Upn, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PasswordGrantAsync(gatehouse, user.Client.AppId, user.Upn, password + "2")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PasswordGrantAsync(TokenServiceFixture gatehouse, string appId, string upn, string password) =>
        await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = appId, ["username"] = upn, ["password"] = password, ["scope"] = "User.Read",
        });
}
