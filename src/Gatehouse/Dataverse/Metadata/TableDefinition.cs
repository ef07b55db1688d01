using System.Linq.Expressions;
using Gatehouse.Data;
using Gatehouse.Dataverse.Tables;
using Gatehouse.OData;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse.Metadata;

/// <summary>
/// A table of the environment as the Web API shows it: logical and entity set names, primary key and name
/// attributes, the attributes and lookups. <see cref="Table{T}"/> binds it to its rows in the store.
/// </summary>
internal abstract class TableDefinition(
    string logicalName, string entitySetName, string primaryNameAttribute, int objectTypeCode, bool ownedByUsers)
{
    public string LogicalName { get; } = logicalName;
    public string EntitySetName { get; } = entitySetName;
    public string PrimaryIdAttribute => LogicalName + "id";
    public string PrimaryNameAttribute { get; } = primaryNameAttribute;
    public int ObjectTypeCode { get; } = objectTypeCode;

    /// <summary>User-owned tables have ownerid and are subject to the User depth of privileges; system users are not.</summary>
    public bool OwnedByUsers { get; } = ownedByUsers;

    public abstract Type ClrType { get; }
    public IReadOnlyList<ColumnDefinition> Columns { get; protected init; } = [];
    public IReadOnlyList<LookupDefinition> Lookups { get; protected init; } = [];

    public ColumnDefinition? FindColumn(string logicalName) =>
        Columns.FirstOrDefault(c => string.Equals(c.LogicalName, logicalName, StringComparison.Ordinal));

    public LookupDefinition? FindNavigation(string navigationName) =>
        Lookups.FirstOrDefault(l => string.Equals(l.NavigationName, navigationName, StringComparison.Ordinal));

    /// <summary>The lookups by attribute: a customer lookup's navigations share one _x_value.</summary>
    public IEnumerable<LookupDefinition> LookupAttributes => Lookups.DistinctBy(l => l.AttributeName);

    public string? PrimaryName(DataverseRecord record) => FindColumn(PrimaryNameAttribute)?.Read(record) as string;

    public abstract DataverseRecord NewRecord();

    public abstract Task<DataverseRecord?> FindAsync(GatehouseDb db, Guid tenantId, Guid id, CancellationToken cancellationToken);

    public abstract Task<List<DataverseRecord>> FindManyAsync(GatehouseDb db, Guid tenantId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The names $select, $filter and $orderby take: the attributes and the _x_value of each lookup.</summary>
    public IEnumerable<string> QueryableNames => Columns.Select(c => c.LogicalName).Concat(LookupAttributes.Select(l => l.ValueName));

    public abstract Task<Outcome<RowPage, QueryError>> ListAsync(GatehouseDb db, RowQuery query, CancellationToken cancellationToken);

    public abstract void Add(GatehouseDb db, DataverseRecord record);

    public abstract void Remove(GatehouseDb db, DataverseRecord record);

    /// <summary>Empties this table's lookups that point to a row being deleted, as Dataverse's default (remove link) cascade does.</summary>
    public abstract Task ClearLookupsToAsync(GatehouseDb db, Guid tenantId, string target, Guid id, CancellationToken cancellationToken);
}

/// <summary>A table whose rows are stored as <typeparamref name="T"/>.</summary>
internal sealed class Table<T> : TableDefinition
    where T : DataverseRecord, new()
{
    public Table(string logicalName, string entitySetName, string primaryNameAttribute, int objectTypeCode, bool ownedByUsers,
        Func<Table<T>, IEnumerable<ColumnDefinition>> columns, Func<Table<T>, IEnumerable<LookupDefinition>> lookups)
        : base(logicalName, entitySetName, primaryNameAttribute, objectTypeCode, ownedByUsers)
    {
        Columns = [.. columns(this)];
        Lookups = [.. lookups(this)];
        Map = BuildMap();
    }

    /// <summary>What the shared OData translator may filter and sort on: every attribute and lookup value.</summary>
    public QueryMap<T> Map { get; }

    public override Type ClrType => typeof(T);

    public ColumnDefinition Column(string logicalName, string property, ColumnType type, int maxLength = 0, bool writable = true,
        IReadOnlyDictionary<int, string>? options = null, string? normalized = null) =>
        new(logicalName, ClrType.GetProperty(property) ?? throw new ArgumentException(property, nameof(property)), type, writable, maxLength, options,
            normalized is null ? null : ClrType.GetProperty(normalized) ?? throw new ArgumentException(normalized, nameof(normalized)));

    public LookupDefinition Lookup(string attribute, string property, string target, string? navigation = null, string? targetProperty = null, bool writable = true) =>
        new(attribute, navigation ?? attribute, ClrType.GetProperty(property) ?? throw new ArgumentException(property, nameof(property)), target, writable,
            targetProperty is null ? null : ClrType.GetProperty(targetProperty));

    public override DataverseRecord NewRecord() => new T();

    public override async Task<DataverseRecord?> FindAsync(GatehouseDb db, Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<T>().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken);

    public override async Task<List<DataverseRecord>> FindManyAsync(GatehouseDb db, Guid tenantId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        [.. await db.Set<T>().AsNoTracking().Where(r => r.TenantId == tenantId && ids.Contains(r.Id)).ToListAsync(cancellationToken)];

    public override async Task<Outcome<RowPage, QueryError>> ListAsync(GatehouseDb db, RowQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<T>().AsNoTracking().Where(r => r.TenantId == query.TenantId);
        if (query.OwnerId is { } owner)
        {
            rows = rows.Where(r => r.OwnerId == owner);
        }

        // Dataverse has no ConsistencyLevel: every operation a property supports is available.
        var filtered = QueryRunner.Where(rows, Map, query.Options, advanced: true);
        if (!filtered.Succeeded)
        {
            return filtered.Error;
        }

        var orderBy = OrderByClause.ParseOrDefault(query.Options, Map, advanced: true);
        if (!orderBy.Succeeded)
        {
            return orderBy.Error;
        }

        int? count = query.Options.Count ? await filtered.Value.Take(RowQuery.MaximumCount).CountAsync(cancellationToken) : null;
        var page = await OrderByClause.Apply(filtered.Value, orderBy.Value, Map.Key).Skip(query.Skip).Take(query.Take + 1).ToListAsync(cancellationToken);
        return new RowPage([.. page.Take(query.Take)], page.Count > query.Take, count);
    }

    public override void Add(GatehouseDb db, DataverseRecord record) => db.Set<T>().Add((T)record);

    public override void Remove(GatehouseDb db, DataverseRecord record) => db.Set<T>().Remove((T)record);

    public override async Task ClearLookupsToAsync(GatehouseDb db, Guid tenantId, string target, Guid id, CancellationToken cancellationToken)
    {
        foreach (var lookup in Lookups.Where(l => l.Target == target && l.Writable && l.AttributeName != "ownerid"))
        {
            var rows = db.Set<T>().Where(r => r.TenantId == tenantId && EF.Property<Guid?>(r, lookup.Property.Name) == id);
            if (lookup.TargetProperty is { } targetProperty)
            {
                rows = rows.Where(r => EF.Property<string?>(r, targetProperty.Name) == target);
                await rows.ExecuteUpdateAsync(
                    set => set.SetProperty(r => EF.Property<Guid?>(r, lookup.Property.Name), (Guid?)null).SetProperty(r => EF.Property<string?>(r, targetProperty.Name), (string?)null),
                    cancellationToken);
            }
            else
            {
                await rows.ExecuteUpdateAsync(set => set.SetProperty(r => EF.Property<Guid?>(r, lookup.Property.Name), (Guid?)null), cancellationToken);
            }
        }
    }

    private const FilterOperations Comparable =
        FilterOperations.Equals | FilterOperations.NotEquals | FilterOperations.Range | FilterOperations.In | FilterOperations.Null;

    private const FilterOperations Searchable = Comparable | FilterOperations.StartsWith | FilterOperations.EndsWith | FilterOperations.Contains;

    // Dataverse compares text case-insensitively; other attributes and lookup values compare as they are.
    private QueryMap<T> BuildMap()
    {
        var map = new QueryMap<T>(LogicalName, r => r.Id);
        var row = Expression.Parameter(typeof(T), "row");
        foreach (var column in Columns.Where(c => c.Normalized is not null))
        {
            var normalized = Expression.Lambda<Func<T, string?>>(Expression.Property(row, column.Normalized!), row);
            map.Normalized(column.LogicalName, normalized, QueryMap.UpperInvariant, Searchable, sorting: Sorting.Default);
        }

        var properties = Columns.Where(c => c.Normalized is null).Select(c => (c.LogicalName, c.Property))
            .Concat(LookupAttributes.Select(l => (l.ValueName, l.Property)));
        foreach (var (name, property) in properties)
        {
            var selector = Expression.Lambda(Expression.Property(row, property), row);
            if (property.PropertyType == typeof(string))
            {
                map.Text(name, (Expression<Func<T, string?>>)selector, Searchable, sorting: Sorting.Default);
                continue;
            }

            typeof(QueryMap<T>).GetMethod(nameof(QueryMap<T>.Property))!.MakeGenericMethod(property.PropertyType)
                .Invoke(map, [name, selector, Comparable, FilterOperations.None, Sorting.Default, false, null, null, false]);
        }

        return map;
    }
}

/// <summary>What a list asks of the store: the environment, an owner restriction, the query options and the page.</summary>
internal sealed record RowQuery(Guid TenantId, Guid? OwnerId, QueryOptions Options, int Skip, int Take)
{
    /// <summary>Dataverse counts at most 5000 rows ($count=true, docs/protocol/graph-dataverse.md §6).</summary>
    public const int MaximumCount = 5000;
}

/// <summary>One page of rows, whether more follow, and the count when asked for.</summary>
internal sealed record RowPage(IReadOnlyList<DataverseRecord> Rows, bool More, int? Count);
