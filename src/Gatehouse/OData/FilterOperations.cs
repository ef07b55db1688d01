namespace Gatehouse.OData;

/// <summary>What a property may be filtered with. A resource names the set each property supports, by default and as an advanced query.</summary>
[Flags]
internal enum FilterOperations
{
    None = 0,

    /// <summary>eq</summary>
    Equals = 1,

    /// <summary>ne, and not() around a comparison of the property</summary>
    NotEquals = 2,

    /// <summary>lt, gt, le, ge</summary>
    Range = 4,

    StartsWith = 8,
    EndsWith = 16,
    Contains = 32,

    /// <summary>in (…)</summary>
    In = 64,

    /// <summary>eq null, ne null</summary>
    Null = 128,

    /// <summary>any() over a collection property</summary>
    Any = 256,
}
