using System.Net;
using System.Net.Http.Headers;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>POST /users through the SDK creates a user who then signs in; duplicates and missing permissions are refused.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphUserCreationTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task An_app_with_User_ReadWrite_All_creates_a_user_once(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("creator-" + store, ("Microsoft Graph", "User.ReadWrite.All")));
        var upn = $"adele-{Guid.NewGuid():N}"[..18] + "@" + TokenServiceFixture.TenantDomain;
        var request = new User
        {
            AccountEnabled = true,
            DisplayName = "Adele Vance",
            MailNickname = "AdeleV",
            UserPrincipalName = upn,
            PasswordProfile = new PasswordProfile { ForceChangePasswordNextSignIn = false, Password = "xWwvJ]6NMw+bWH-d" },
        };

        var created = await graph.Users.PostAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var read = await graph.Users[upn].GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => graph.Users.PostAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(Guid.TryParse(created!.Id, out _));
        Assert.Equal(upn, created.UserPrincipalName);
        Assert.Equal(created.Id, read!.Id);
        Assert.Equal("Adele Vance", read.DisplayName);
        Assert.Equal((int)HttpStatusCode.BadRequest, duplicate.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", duplicate.Error!.Code);
    }

    [Fact]
    public async Task Read_permissions_do_not_create_users()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var graph = server.AppOnly(await server.RegisterClientAsync("reader-cannot-create", ("Microsoft Graph", "User.Read.All")));

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Users.PostAsync(new User
        {
            DisplayName = "Nobody",
            UserPrincipalName = "nobody@" + TokenServiceFixture.TenantDomain,
            PasswordProfile = new PasswordProfile { Password = "N0body!Passw0rd" },
        }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((int)HttpStatusCode.Forbidden, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
    }

    [Fact]
    public async Task A_body_that_is_not_valid_UTF_8_is_400_BadRequest_and_creates_no_user()
    {
        var server = await gatehouse.OnAsync("sqlite");
        using var http = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("utf8-writer", ("Microsoft Graph", "User.ReadWrite.All"))));
        var userPrincipalName = "invalid-utf8@" + TokenServiceFixture.TenantDomain;
        using var body = new ByteArrayContent([
            .. System.Text.Encoding.UTF8.GetBytes("{\"accountEnabled\":true,\"mailNickname\":\"x\",\"passwordProfile\":{\"password\":\"N0body!Passw0rd\"},"
                + "\"userPrincipalName\":\"" + userPrincipalName + "\",\"displayName\":\""),
            0xC3, 0x28, .. "\"}"u8]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync(new Uri("users", UriKind.Relative), body, TestContext.Current.CancellationToken);
        using var lookup = await http.GetAsync(new Uri($"users/{userPrincipalName}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }
}
