using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Portal;

/// <summary>
/// The portal's Users, Groups, Enterprise applications and Deleted applications blades on both stores: each form
/// changes the directory (and then redirects), the change shows where a user looks for it, and the roles are checked.
/// </summary>
[Collection(GraphServers.Name)]
public sealed partial class DirectoryBladePageTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task A_user_is_created_edited_grouped_given_a_new_password_and_deleted(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var admin = await DelegatedSignIn.CreateAsync(server, "dir-users-" + store, consent: true, role: "User Administrator");
        var alias = $"portal-{Guid.NewGuid():N}"[..20];
        var upn = $"{alias}@{TokenServiceFixture.TenantDomain}";

        var created = await SubmitAsync(admin, "/users/new", "/users/new", new() { ["Alias"] = alias, ["Domain"] = TokenServiceFixture.TenantDomain, ["DisplayName"] = "Portal Person", ["Password"] = "", ["AccountEnabled"] = "true" });
        var userPath = created.Headers.Location!.OriginalString;
        var (_, overview) = await admin.OpenPageAsync(userPath);
        var madePassword = TemporaryPassword(overview);
        var (_, overviewAgain) = await admin.OpenPageAsync(userPath);
        using var person = admin.AsUser(upn, madePassword);
        var (signedIn, _) = await person.OpenPageAsync("/applications");

        var edited = await SubmitAsync(admin, userPath + "/edit", userPath + "/edit", new()
        {
            ["DisplayName"] = "Portal Person Renamed", ["Fields[jobTitle]"] = "Gatekeeper", ["Fields[department]"] = "", ["AccountEnabled"] = "true",
        });
        var (_, renamed) = await admin.OpenPageAsync(userPath);
        var tooLong = await SubmitAsync(admin, userPath + "/edit", userPath + "/edit", new() { ["DisplayName"] = "x", ["Fields[department]"] = new string('d', 65), ["AccountEnabled"] = "true" });

        var reset = await SubmitAsync(admin, userPath + "?confirm=reset", userPath + "?handler=ResetPassword", []);
        var (_, afterReset) = await admin.OpenPageAsync(userPath);
        var resetPassword = TemporaryPassword(afterReset);

        var group = await SubmitAsync(admin, "/groups/new", "/groups/new", new() { ["GroupType"] = "Security", ["Name"] = $"Portal group {alias}", ["Description"] = "made in the portal" });
        var groupPath = group.Headers.Location!.OriginalString;
        var member = await SubmitAsync(admin, groupPath + "/members?add=true", groupPath + "/members?handler=Add", new() { ["Principal"] = upn.ToUpperInvariant() });
        var unknown = await SubmitAsync(admin, groupPath + "/members?add=true", groupPath + "/members?handler=Add", new() { ["Principal"] = "nobody@" + TokenServiceFixture.TenantDomain });
        var owner = await SubmitAsync(admin, groupPath + "/owners?add=true", groupPath + "/owners?handler=Add", new() { ["Principal"] = admin.Upn });
        var (_, members) = await admin.OpenPageAsync(groupPath + "/members");
        var (_, owners) = await admin.OpenPageAsync(groupPath + "/owners");
        var (_, usersGroups) = await admin.OpenPageAsync(userPath + "/groups");
        var userId = userPath.Split('/')[^1];
        var removed = await SubmitAsync(admin, groupPath + "/members", groupPath + "/members?handler=Remove", new() { ["principalId"] = userId });
        var (_, membersAfter) = await admin.OpenPageAsync(groupPath + "/members");

        var deleted = await SubmitAsync(admin, userPath + "?confirm=delete", userPath + "?handler=Delete", []);
        var (_, list) = await admin.OpenPageAsync("/users?search=" + alias);
        var (gone, _) = await admin.OpenPageAsync(userPath);
        var groupDeleted = await SubmitAsync(admin, groupPath + "?confirm=delete", groupPath + "?handler=Delete", []);
        var (groupGone, _) = await admin.OpenPageAsync(groupPath);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Portal Person", overview, StringComparison.Ordinal);
        Assert.Null(TemporaryPasswordOrNull(overviewAgain));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("/applications", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Portal Person Renamed", renamed, StringComparison.Ordinal);
        Assert.Contains("Gatekeeper", renamed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.NotEqual(madePassword, resetPassword);
        Assert.All(new[] { group, member, owner, removed, deleted, groupDeleted }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains(upn, members, StringComparison.Ordinal);
        Assert.Contains(admin.Upn, owners, StringComparison.Ordinal);
        Assert.Contains($"Portal group {alias}", usersGroups, StringComparison.Ordinal);
        Assert.Contains("This group has no members.", membersAfter, StringComparison.Ordinal);
        Assert.Contains("No users match.", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, groupGone.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Revoking_a_permission_and_disabling_sign_in_change_the_next_token(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var client = await server.RegisterClientAsync("dir-enterprise-" + store, ("Microsoft Graph", "User.Read.All"), ("Microsoft Graph", "Group.Read.All"));
        using var admin = await DelegatedSignIn.CreateAsync(server, "dir-apps-" + store, consent: true, role: "Cloud Application Administrator");

        var (_, listed) = await admin.OpenPageAsync($"/enterpriseapps?search={client.AppId}");
        var appPath = Assert.Single(EnterpriseAppLink().Matches(listed)).Groups[1].Value;
        var (_, microsoft) = await admin.OpenPageAsync("/enterpriseapps?type=microsoft&search=microsoft%20gr");
        var (_, permissions) = await admin.OpenPageAsync(appPath + "/permissions");
        var revoke = RevokeForm(permissions, "Group.Read.All");
        var revoked = await SubmitAsync(admin, appPath + "/permissions", appPath + "/permissions?handler=Revoke", revoke);
        var (_, afterRevoke) = await admin.OpenPageAsync(appPath + "/permissions");
        var roles = await RolesAsync(server, client);

        var disabled = await SubmitAsync(admin, appPath + "/properties", appPath + "/properties", new() { ["AccountEnabled"] = "false", ["AssignmentRequired"] = "false", ["Notes"] = "paused" });
        using var refused = await ClientCredentialsAsync(server, client);
        var refusal = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var (_, overview) = await admin.OpenPageAsync(appPath);
        var enabled = await SubmitAsync(admin, appPath + "/properties", appPath + "/properties", new() { ["AccountEnabled"] = "true", ["AssignmentRequired"] = "false", ["Notes"] = "" });
        using var again = await ClientCredentialsAsync(server, client);

        Assert.Contains("dir-enterprise-" + store, listed, StringComparison.Ordinal);
        Assert.Contains("Microsoft Graph", microsoft, StringComparison.Ordinal);
        Assert.DoesNotContain("dir-enterprise-" + store, microsoft, StringComparison.Ordinal);
        Assert.Contains("User.Read.All", permissions, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.DoesNotContain("<code>Group.Read.All</code>", afterRevoke, StringComparison.Ordinal);
        Assert.Equal(["User.Read.All"], roles);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(7000112, refusal.GetProperty("error_codes")[0].GetInt32());
        Assert.Contains("Enabled for users to sign in?</dt>\n    <dd>No", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task A_revoked_delegated_permission_leaves_the_next_user_token_and_users_are_assigned_to_the_app(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(server, "dir-delegated-" + store, consent: true, role: null, graphPermissions: ["User.Read", "Mail.Read"]);
        using var admin = await flow.WithAnotherUserAsync("Application Administrator");
        var before = await ScopesAsync(flow);

        var (_, listed) = await admin.OpenPageAsync($"/enterpriseapps?search={flow.Client.AppId}");
        var appPath = Assert.Single(EnterpriseAppLink().Matches(listed)).Groups[1].Value;
        var (_, permissions) = await admin.OpenPageAsync(appPath + "/permissions");
        var revoked = await SubmitAsync(admin, appPath + "/permissions", appPath + "/permissions?handler=Revoke", RevokeForm(permissions, "Mail.Read"));
        var after = await ScopesAsync(flow);

        var assigned = await SubmitAsync(admin, appPath + "/users?add=true", appPath + "/users?handler=Add", new() { ["Assignee"] = flow.Upn, ["RoleId"] = Guid.Empty.ToString() });
        var (_, assignments) = await admin.OpenPageAsync(appPath + "/users");
        var assignmentId = AssignmentId().Match(assignments).Groups[1].Value;
        var unassigned = await SubmitAsync(admin, appPath + "/users", appPath + "/users?handler=Remove", new() { ["assignmentId"] = assignmentId });
        var (_, afterRemove) = await admin.OpenPageAsync(appPath + "/users");

        Assert.Contains("Mail.Read", before);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.DoesNotContain("Mail.Read", after);
        Assert.Contains("User.Read", after);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains(flow.Upn, assignments, StringComparison.Ordinal);
        Assert.Contains("Default Access", assignments, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unassigned.StatusCode);
        Assert.Contains("No users or groups are assigned", afterRemove, StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task A_deleted_app_is_restored_or_deleted_permanently(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var kept = await GatehouseCli.JsonAsync(server.Store, "app", "create", "--name", $"dir-restored-{store}-{Guid.NewGuid():N}"[..30]);
        var purged = await GatehouseCli.JsonAsync(server.Store, "app", "create", "--name", $"dir-purged-{store}-{Guid.NewGuid():N}"[..28]);
        await GatehouseCli.JsonAsync(server.Store, "app", "delete", "--app", kept.GetProperty("appId").GetString()!);
        await GatehouseCli.JsonAsync(server.Store, "app", "delete", "--app", purged.GetProperty("appId").GetString()!);
        using var admin = await DelegatedSignIn.CreateAsync(server, "dir-deleted-" + store, consent: true, role: "Application Administrator");
        var keptId = kept.GetProperty("id").GetString()!;
        var purgedId = purged.GetProperty("id").GetString()!;

        var (_, deletedList) = await admin.OpenPageAsync("/deletedapps");
        var restored = await SubmitAsync(admin, "/deletedapps", "/deletedapps?handler=Restore", new() { ["id"] = keptId });
        var (_, confirm) = await admin.OpenPageAsync($"/deletedapps?purge={purgedId}");
        var purgedNow = await SubmitAsync(admin, $"/deletedapps?purge={purgedId}", "/deletedapps?handler=Purge", new() { ["id"] = purgedId });
        var (_, afterList) = await admin.OpenPageAsync("/deletedapps");
        var (back, _) = await admin.OpenPageAsync($"/applications/{keptId}");
        var restoreAgain = await SubmitAsync(admin, "/deletedapps", "/deletedapps?handler=Restore", new() { ["id"] = purgedId });

        Assert.Contains(keptId[..8], deletedList, StringComparison.Ordinal);
        Assert.Contains(kept.GetProperty("appId").GetString()!, deletedList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Delete permanently", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, purgedNow.StatusCode);
        Assert.Contains("permanently", afterList, StringComparison.Ordinal);
        Assert.DoesNotContain(kept.GetProperty("appId").GetString()!, afterList, StringComparison.Ordinal);
        Assert.DoesNotContain(purged.GetProperty("appId").GetString()!, afterList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, restoreAgain.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Each_blade_is_refused_to_those_without_its_role(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var appAdmin = await DelegatedSignIn.CreateAsync(server, "dir-appadmin-" + store, consent: true, role: "Application Administrator");
        using var userAdmin = await appAdmin.WithAnotherUserAsync("User Administrator");
        using var member = await appAdmin.WithAnotherUserAsync();

        foreach (var (browser, path, expected) in new[]
        {
            (appAdmin, "/users", "users and groups"), (appAdmin, "/groups/new", "users and groups"), (member, $"/users/{Guid.NewGuid()}", "users and groups"),
            (userAdmin, "/enterpriseapps", "enterprise applications"), (userAdmin, "/deletedapps", "enterprise applications"), (member, "/deletedapps", "enterprise applications"),
        })
        {
            var (refused, html) = await browser.OpenPageAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        // The antiforgery token of a page the Application Administrator may open: valid for any form of theirs.
        var (_, ownForm) = await appAdmin.OpenPageAsync("/applications/new");
        var posted = await appAdmin.SubmitAsync("/users/new", ownForm, new Dictionary<string, string> { ["Alias"] = "sneaky", ["Domain"] = TokenServiceFixture.TenantDomain, ["DisplayName"] = "Sneaky" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/denied", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await GatehouseCli.RefusedAsync(server.Store, "user", "show", "sneaky@" + TokenServiceFixture.TenantDomain);
    }

    /// <summary>Opens the page with the form, then posts it with the page's antiforgery token, as the browser does.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(DelegatedSignIn browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var (page, html) = await browser.OpenPageAsync(formPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitAsync(action, html, fields);
    }

    private static string TemporaryPassword(string html) => TemporaryPasswordOrNull(html) ?? throw new Xunit.Sdk.XunitException("The page shows no temporary password.");

    private static string? TemporaryPasswordOrNull(string html) =>
        TemporaryPasswordCode().Match(html) is { Success: true } found ? WebUtility.HtmlDecode(found.Groups[1].Value) : null;

    /// <summary>The hidden fields of the Revoke form of the row whose claim value is <paramref name="value"/>.</summary>
    private static Dictionary<string, string> RevokeForm(string html, string value)
    {
        var row = Assert.Single(Row().Matches(html), m => m.Value.Contains($"<code>{value}</code>", StringComparison.Ordinal));
        return DelegatedSignIn.HiddenFields(row.Value);
    }

    private static async Task<HttpResponseMessage> ClientCredentialsAsync(TokenServiceFixture server, RegisteredClient client) =>
        await server.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.AppId, ["client_secret"] = client.Secret, ["scope"] = "https://graph.microsoft.com/.default",
        });

    private static async Task<IReadOnlyList<string?>> RolesAsync(TokenServiceFixture server, RegisteredClient client)
    {
        using var response = await ClientCredentialsAsync(server, client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return [.. Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("roles").EnumerateArray().Select(r => r.GetString())];
    }

    /// <summary>The scopes of the access token a new sign-in of the flow's user gets.</summary>
    private static async Task<string[]> ScopesAsync(DelegatedSignIn flow)
    {
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        using var response = await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("scp").GetString()!.Split(' ');
    }

    [GeneratedRegex("data-testid=\"temporary-password\">([^<]+)</code>")]
    private static partial Regex TemporaryPasswordCode();

    [GeneratedRegex("<td><a href=\"(/enterpriseapps/[0-9a-f-]{36})\">")]
    private static partial Regex EnterpriseAppLink();

    [GeneratedRegex("<tr>(?:(?!</tr>).)*</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("name=\"assignmentId\" value=\"([^\"]+)\"")]
    private static partial Regex AssignmentId();
}
