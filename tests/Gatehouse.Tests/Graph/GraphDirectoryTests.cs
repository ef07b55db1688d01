using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>Devices, directory roles, the organization and its domains through the Graph SDK.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphDirectoryTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Devices_are_created_read_by_either_id_patched_listed_and_deleted(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("devices-" + store, ("Microsoft Graph", "Device.ReadWrite.All")));
        var reader = server.AppOnly(await server.RegisterClientAsync("device-reader-" + store, ("Microsoft Graph", "Device.Read.All")));
        var deviceId = Guid.NewGuid().ToString();
        var name = "Laptop-" + Guid.NewGuid().ToString("N")[..6];

        var created = await graph.Devices.PostAsync(new Device
        {
            DisplayName = name, DeviceId = deviceId, AccountEnabled = true, OperatingSystem = "Windows", OperatingSystemVersion = "10.0.22631",
        }, cancellationToken: Ct);
        var byDeviceId = await reader.DevicesWithDeviceId(deviceId).GetAsync(cancellationToken: Ct);
        await graph.Devices[created!.Id].PatchAsync(new Device { AccountEnabled = false }, cancellationToken: Ct);
        var listed = await reader.Devices.GetAsync(r => r.QueryParameters.Filter = $"startswith(displayName,'{name}')", Ct);
        var readerWrite = await Assert.ThrowsAsync<ODataError>(() => reader.Devices[created.Id].DeleteAsync(cancellationToken: Ct));
        await graph.Devices[created.Id].DeleteAsync(cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<ODataError>(() => reader.Devices[created.Id].GetAsync(cancellationToken: Ct));

        Assert.Equal(created.Id, byDeviceId!.Id);
        Assert.Equal("Windows", byDeviceId.OperatingSystem);
        Assert.False(Assert.Single(listed!.Value!).AccountEnabled);
        Assert.Equal((int)HttpStatusCode.Forbidden, readerWrite.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", gone.Error!.Code);
    }

    [Theory]
    [BothStores]
    public async Task A_role_member_added_by_ref_is_listed_in_the_role_and_in_memberOf_until_removed(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync(
            "roles-" + store, ("Microsoft Graph", "RoleManagement.ReadWrite.Directory"), ("Microsoft Graph", "User.Read.All")));
        var reader = server.AppOnly(await server.RegisterClientAsync("role-reader-" + store, ("Microsoft Graph", "Directory.Read.All")));
        var (userId, _) = await DirectoryUsers.CreateAsync(server, "helpdesk");
        var roles = await graph.DirectoryRoles.GetAsync(cancellationToken: Ct);
        var userAdministrator = roles!.Value!.Single(r => r.DisplayName == "User Administrator");

        await graph.DirectoryRoles[userAdministrator.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{userId}" }, cancellationToken: Ct);
        var members = await graph.DirectoryRoles[userAdministrator.Id].Members.GetAsync(cancellationToken: Ct);
        var memberOf = await graph.Users[userId].MemberOf.GetAsync(cancellationToken: Ct);
        var readerAdd = await Assert.ThrowsAsync<ODataError>(() =>
            reader.DirectoryRoles[userAdministrator.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{userId}" }, cancellationToken: Ct));
        await graph.DirectoryRoles[userAdministrator.Id].Members[userId].Ref.DeleteAsync(cancellationToken: Ct);
        var after = await reader.DirectoryRoles[userAdministrator.Id].Members.GetAsync(cancellationToken: Ct);

        Assert.Contains(roles.Value!, r => r.RoleTemplateId == "62e90394-69f5-4237-9190-012177145e10");
        // The role is the tenant's, shared with the other tests on this server: only this user's membership is this test's.
        Assert.Contains(members!.Value!, member => member is User && member.Id == userId);
        Assert.Equal(userAdministrator.Id, Assert.IsType<DirectoryRole>(Assert.Single(memberOf!.Value!)).Id);
        Assert.Equal((int)HttpStatusCode.Forbidden, readerAdd.ResponseStatusCode);
        Assert.DoesNotContain(after!.Value!, member => member.Id == userId);
    }

    [Theory]
    [BothStores]
    public async Task A_new_domain_carries_users_only_once_verified_and_is_deleted_when_unused(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync(
            "domains-" + store, ("Microsoft Graph", "Domain.ReadWrite.All"), ("Microsoft Graph", "User.ReadWrite.All"), ("Microsoft Graph", "Organization.Read.All")));
        var name = $"d{Guid.NewGuid():N}"[..12] + ".example.com";
        User NewUser() => new() { DisplayName = "On new domain", UserPrincipalName = "someone@" + name, PasswordProfile = new PasswordProfile { Password = "D0main!Passw0rd-x" } };

        var organization = Assert.Single((await graph.Organization.GetAsync(cancellationToken: Ct))!.Value!);
        var added = await graph.Domains.PostAsync(new Domain { Id = name }, cancellationToken: Ct);
        var unverifiedUser = await Assert.ThrowsAsync<ODataError>(() => graph.Users.PostAsync(NewUser(), cancellationToken: Ct));
        var verified = await graph.Domains[name].Verify.PostAsync(cancellationToken: Ct);
        var created = await graph.Users.PostAsync(NewUser(), cancellationToken: Ct);
        var inUse = await Assert.ThrowsAsync<ODataError>(() => graph.Domains[name].DeleteAsync(cancellationToken: Ct));
        await graph.Users[created!.Id].DeleteAsync(cancellationToken: Ct);
        await graph.Domains[name].DeleteAsync(cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Domains[name].GetAsync(cancellationToken: Ct));
        var initial = await Assert.ThrowsAsync<ODataError>(() => graph.Domains[TokenServiceFixture.TenantDomain].DeleteAsync(cancellationToken: Ct));

        Assert.Equal(TokenServiceFixture.TenantId, organization.Id);
        Assert.Contains(organization.VerifiedDomains!, d => d.Name == TokenServiceFixture.TenantDomain && d.IsInitial == true);
        Assert.False(added!.IsVerified);
        Assert.Equal((int)HttpStatusCode.BadRequest, unverifiedUser.ResponseStatusCode);
        Assert.True(verified!.IsVerified);
        Assert.Equal((int)HttpStatusCode.BadRequest, inUse.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.BadRequest, initial.ResponseStatusCode);
    }
}
