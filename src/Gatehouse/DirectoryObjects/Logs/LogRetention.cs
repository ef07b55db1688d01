namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>How long sign-in and audit log entries are kept: 30 days unless the operator chooses otherwise.</summary>
internal sealed record LogRetention(TimeSpan Period)
{
    public const int DefaultDays = 30;

    public static LogRetention Days(int days) => new(TimeSpan.FromDays(days));
}
