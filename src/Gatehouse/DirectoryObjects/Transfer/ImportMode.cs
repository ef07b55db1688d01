namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>How `tenant import` treats what the tenant holds and the document does not list.</summary>
internal enum ImportMode
{
    /// <summary>Adds and updates what the document lists; leaves everything else alone.</summary>
    Merge,

    /// <summary>Makes the tenant exactly the document.</summary>
    Replace,
}
