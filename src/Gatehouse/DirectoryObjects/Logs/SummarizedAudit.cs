namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Marks an operation that changes many objects at once and is audited as one entry of its own (a tenant import),
/// rather than one per object: while it runs, <see cref="DirectoryAuditInterceptor"/> describes none of its changes.
/// </summary>
internal static class SummarizedAudit
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    /// <summary>
    /// Summarizes the rest of the calling method and what it awaits; the caller's own flow is untouched once the
    /// method returns, as with every async-local value.
    /// </summary>
    public static void Begin() => Active.Value = true;
}
