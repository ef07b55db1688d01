using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant export` then `tenant import` into a fresh store, of either kind, gives the same tenant.</summary>
public sealed class TenantRoundTripTests
{
    [Theory]
    [StoreRow("sqlite", "sqlite")]
    [StoreRow("postgres", "postgres")]
    [StoreRow("sqlite", "postgres")]
    [StoreRow("postgres", "sqlite")]
    public async Task Exported_tenant_imported_into_a_fresh_store_exports_identically(string fromKind, string toKind)
    {
        using var source = TestStore.Create(fromKind);
        using var target = TestStore.Create(toKind);
        await SampleTenant.BuildAsync(source);
        var exported = await GatehouseCli.ExportAsync(source);

        var summary = await GatehouseCli.JsonAsync(target, "tenant", "import", target.WriteFile("tenant.json", exported));

        Assert.Equal(3, summary.GetProperty("users").GetInt32());
        Assert.Equal(1, summary.GetProperty("groups").GetInt32());
        Assert.Equal(2, summary.GetProperty("applications").GetInt32());
        Assert.Equal(exported, await GatehouseCli.ExportAsync(target));
    }
}
