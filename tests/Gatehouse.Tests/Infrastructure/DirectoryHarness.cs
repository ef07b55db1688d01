using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// The directory operations on a real store with a clock the test moves: for lifetimes that a test cannot wait out
/// (30-day restore windows, expiries).
/// </summary>
internal sealed class DirectoryHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private DirectoryHarness(ServiceProvider services, FakeTimeProvider clock, Tenant tenant)
    {
        this.services = services;
        Clock = clock;
        Tenant = tenant;
    }

    public FakeTimeProvider Clock { get; }

    public Tenant Tenant { get; }

    public static async Task<DirectoryHarness> CreateAsync(TestStore store, Guid? tenantId = null)
    {
        Directory.CreateDirectory(store.DataFolder);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var services = BuildServices(store, clock);
        await services.MigrateStoreAsync(TestContext.Current.CancellationToken);
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>()
            .CreateAsync(tenantId ?? Guid.NewGuid(), "Harness Directory", "harness.onmicrosoft.com", TestContext.Current.CancellationToken);
        return new DirectoryHarness(services, clock, tenant.Value!);
    }

    /// <summary>Opens a store that the CLI or the server has already set up, on its default tenant, to look inside it.</summary>
    public static async Task<DirectoryHarness> OpenAsync(TestStore store)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var services = BuildServices(store, clock);
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantLookup>().ResolveAsync(null, TestContext.Current.CancellationToken);
        Assert.True(tenant.Succeeded, tenant.Error?.Message);
        return new DirectoryHarness(services, clock, tenant.Value);
    }

    /// <summary>Runs <paramref name="action"/> with a fresh scope, as each CLI verb or request has.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static ServiceProvider BuildServices(TestStore store, TimeProvider clock) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock)
            .AddGatehouseStore(store.Settings)
            .AddDirectory(signInFailures: null)
            .BuildServiceProvider();
}
