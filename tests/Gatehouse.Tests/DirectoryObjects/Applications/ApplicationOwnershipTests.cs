using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Applications;

/// <summary>Owners, added by user principal name and removed by ID, as the Owners blade does; the last owner may go, as in Entra.</summary>
public sealed class ApplicationOwnershipTests
{
    private const string Password = "Owner-Passw0rd-913";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Owner_added_by_user_principal_name_in_any_case_is_listed_with_name_and_type(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var creator = await CreateUserAsync(harness, harness.Tenant.Id, "creator@harness.onmicrosoft.com", "Casey Creator");
        var alex = await CreateUserAsync(harness, harness.Tenant.Id, "alex@harness.onmicrosoft.com", "Alex Wilber");
        var id = await CreateAppAsync(harness, creator);

        var added = await OwnershipAsync(harness, id, (o, app) => o.AddUserAsync(app, " ALEX@Harness.onmicrosoft.com ", Ct));

        Assert.True(added.Succeeded, added.Error?.Message);
        var owners = await OwnersAsync(harness, id);
        Assert.Equal(
            [(alex, "Alex Wilber", "alex@harness.onmicrosoft.com", DirectoryObjectType.User), (creator, "Casey Creator", "creator@harness.onmicrosoft.com", DirectoryObjectType.User)],
            owners.Select(o => (o.Id, o.DisplayName, o.UserPrincipalName, o.Type)));
    }

    [Theory]
    [BothStores]
    public async Task Unknown_user_and_a_user_of_another_tenant_are_not_found(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var other = await harness.RunAsync(s => s.GetRequiredService<TenantProvisioning>().CreateAsync(Guid.NewGuid(), "Other Directory", "other.onmicrosoft.com", Ct));
        await CreateUserAsync(harness, other.Value!.Id, "stranger@other.onmicrosoft.com", "Stranger");
        var id = await CreateAppAsync(harness, owner: null);

        var unknown = await OwnershipAsync(harness, id, (o, app) => o.AddUserAsync(app, "nobody@harness.onmicrosoft.com", Ct));
        var stranger = await OwnershipAsync(harness, id, (o, app) => o.AddUserAsync(app, "stranger@other.onmicrosoft.com", Ct));
        var blank = await OwnershipAsync(harness, id, (o, app) => o.AddUserAsync(app, "  ", Ct));

        Assert.Equal(DirectoryErrorKind.NotFound, unknown.Error?.Kind);
        Assert.Equal(DirectoryErrorKind.NotFound, stranger.Error?.Kind);
        Assert.Equal(DirectoryErrorKind.InvalidValue, blank.Error?.Kind);
        Assert.Empty(await OwnersAsync(harness, id));
    }

    [Theory]
    [BothStores]
    public async Task Adding_an_owner_twice_is_a_conflict(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var alex = await CreateUserAsync(harness, harness.Tenant.Id, "alex@harness.onmicrosoft.com", "Alex Wilber");
        var id = await CreateAppAsync(harness, alex);

        var again = await OwnershipAsync(harness, id, (o, app) => o.AddUserAsync(app, "alex@harness.onmicrosoft.com", Ct));

        Assert.Equal(DirectoryErrorKind.Conflict, again.Error?.Kind);
        Assert.Single(await OwnersAsync(harness, id));
    }

    [Theory]
    [BothStores]
    public async Task Last_owner_can_be_removed_and_removing_a_non_owner_is_not_found(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var alex = await CreateUserAsync(harness, harness.Tenant.Id, "alex@harness.onmicrosoft.com", "Alex Wilber");
        var id = await CreateAppAsync(harness, alex);

        var removed = await OwnershipAsync(harness, id, (o, app) => o.RemoveAsync(app, alex, Ct));
        var again = await OwnershipAsync(harness, id, (o, app) => o.RemoveAsync(app, alex, Ct));

        Assert.True(removed.Succeeded, removed.Error?.Message);
        Assert.Equal(DirectoryErrorKind.NotFound, again.Error?.Kind);
        Assert.Empty(await OwnersAsync(harness, id));
    }

    private static async Task<Guid> CreateUserAsync(DirectoryHarness harness, Guid tenantId, string upn, string displayName)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync(tenantId, new NewUser(upn, Password, displayName), Ct));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value.Id;
    }

    private static async Task<Guid> CreateAppAsync(DirectoryHarness harness, Guid? owner)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>()
            .CreateAsync(harness.Tenant.Id, new NewApplication("Payroll", OwnerId: owner), Ct));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value.Id;
    }

    /// <summary>Opens the app and acts on it in one scope, as a portal request does.</summary>
    private static Task<Outcome<T, DirectoryError>> OwnershipAsync<T>(DirectoryHarness harness, Guid id, Func<ApplicationOwnership, Application, Task<Outcome<T, DirectoryError>>> act) =>
        harness.RunAsync(async s => await act(s.GetRequiredService<ApplicationOwnership>(), await FindAsync(s, harness, id)));

    private static Task<IReadOnlyList<PrincipalSummary>> OwnersAsync(DirectoryHarness harness, Guid id) =>
        harness.RunAsync(async s => await s.GetRequiredService<ApplicationOwnership>().ListAsync(await FindAsync(s, harness, id), Ct));

    private static async Task<Application> FindAsync(IServiceProvider services, DirectoryHarness harness, Guid id)
    {
        var found = await services.GetRequiredService<ApplicationRegistrations>().FindAsync(harness.Tenant.Id, id.ToString(), Ct);
        Assert.True(found.Succeeded, found.Error?.Message);
        return found.Value;
    }
}
