using System.Linq.Expressions;
using Gatehouse.Dataverse.Metadata;

namespace Gatehouse.Dataverse.Api;

internal static class DataverseFilter
{
    public static (Func<Type, LambdaExpression>? Filter, DataverseError? Error) Parse(TableDefinition table, string text) =>
        (null, DataverseError.Query($"$filter on {table.EntitySetName} is not supported: '{text}'."));
}
