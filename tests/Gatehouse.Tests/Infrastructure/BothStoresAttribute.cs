using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>The theory runs once on SQLite and once on PostgreSQL, its store name its one argument, each row tagged with <see cref="StoreTrait"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BothStoresAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([Row(StoreTrait.Sqlite), Row(StoreTrait.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;

    private static TheoryDataRow<string> Row(string store) => StoreTrait.Tag(new TheoryDataRow<string>(store), [store]);
}
