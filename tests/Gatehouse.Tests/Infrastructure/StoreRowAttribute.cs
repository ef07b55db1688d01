using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// A theory row like InlineData whose values name the store it runs on ("sqlite" or "postgres"), tagged with
/// <see cref="StoreTrait"/>: for store theories whose rows differ in more than the store.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StoreRowAttribute(params object?[] values) : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([StoreTrait.Tag(new TheoryDataRow(values), values)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
