using System.Globalization;
using System.Text.RegularExpressions;
using Gatehouse.Dataverse.Metadata;
using Gatehouse.OData;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// The system query options of a Dataverse request (docs/protocol/graph-dataverse.md §6), read by the shared OData
/// parser: $select, $filter and $orderby over the table's attributes and _x_value lookups, $top, $expand of lookups
/// with a nested $select, $count and the paging cookie of a next link. There is no $skip and no $search.
/// </summary>
internal sealed partial record DataverseQuery(QueryOptions Options, IReadOnlyList<string>? Select, IReadOnlyList<ExpandItem> Expand, int PageNumber)
{
    /// <summary>Dataverse's default and largest page (odata.maxpagesize ≤ 5000).</summary>
    public const int MaximumPageSize = 5000;

    private static readonly string[] Supported = ["$select", "$filter", "$orderby", "$top", "$expand", "$count", "$skiptoken"];

    public int? Top => Options.Top is { } top ? Math.Min(top, MaximumPageSize) : null;

    public static Outcome<DataverseQuery, DataverseError> Parse(TableDefinition table, IQueryCollection query)
    {
        if (query.Keys.FirstOrDefault(k => k.StartsWith('$') && !Supported.Contains(k, StringComparer.Ordinal)) is { } unsupported)
        {
            return DataverseError.Query($"The query parameter {unsupported} is not supported");
        }

        var parsed = QueryOptions.Parse(query);
        if (!parsed.Succeeded)
        {
            return Translate(table, parsed.Error);
        }

        var options = parsed.Value;
        var select = SelectClause.Parse(options.Select, table.QueryableNames);
        if (!select.Succeeded)
        {
            return Translate(table, select.Error);
        }

        var expand = ParseExpand(table, options.Expand);
        if (!expand.Succeeded)
        {
            return expand.Error;
        }

        var pageNumber = 1;
        if (options.SkipToken is { } skipToken)
        {
            var match = PagingCookie().Match(skipToken);
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1)
            {
                return DataverseError.Query("The $skiptoken is not a paging cookie this service issued.");
            }
        }

        return new DataverseQuery(options, select.Value.Names, expand.Value, pageNumber);
    }

    /// <summary>The $skiptoken of the page after <paramref name="pageNumber"/>: a paging cookie, as Dataverse's next links carry.</summary>
    public static string NextSkipToken(int pageNumber) => $"<cookie pagenumber=\"{pageNumber + 1}\" istracking=\"False\" />";

    /// <summary>A shared-parser refusal in Dataverse's words: an unknown name reads as it does from Dataverse's own OData stack.</summary>
    public static DataverseError Translate(TableDefinition table, QueryError error) =>
        error.Kind == QueryErrorKind.UnknownProperty && error.Property is { } property
            ? DataverseError.UnknownProperty(table.LogicalName, property)
            : DataverseError.Query(error.Message);

    private static Outcome<IReadOnlyList<ExpandItem>, DataverseError> ParseExpand(TableDefinition table, string? text)
    {
        var clauses = ExpandClause.Parse(text);
        if (!clauses.Succeeded)
        {
            return Translate(table, clauses.Error);
        }

        var items = new List<ExpandItem>();
        foreach (var clause in clauses.Value)
        {
            if (table.FindNavigation(clause.Navigation) is not { } lookup)
            {
                return DataverseError.UnknownProperty(table.LogicalName, clause.Navigation);
            }

            var target = DataverseTables.FindByLogicalName(lookup.Target)!;
            var select = SelectClause.Parse(clause.Select, target.QueryableNames);
            if (!select.Succeeded)
            {
                return Translate(target, select.Error);
            }

            items.Add(new ExpandItem(lookup, select.Value.Names));
        }

        return items;
    }

    [GeneratedRegex("""^<cookie pagenumber="(\d{1,9})"[^>]*/>$""")]
    private static partial Regex PagingCookie();
}

/// <summary>A lookup to expand into its row, with the attributes to show of it.</summary>
internal sealed record ExpandItem(LookupDefinition Lookup, IReadOnlyList<string>? Select);
