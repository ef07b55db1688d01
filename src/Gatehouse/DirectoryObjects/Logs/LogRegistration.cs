namespace Gatehouse.DirectoryObjects.Logs;

internal static class LogRegistration
{
    /// <summary>The server's sign-in log (its queue and writer) and the hourly sweep of entries past the retention.</summary>
    public static IServiceCollection AddActivityLogs(this IServiceCollection services, LogRetention retention)
    {
        services.AddSingleton(retention);
        services.AddSingleton<SignInLog>();
        services.AddHostedService<SignInLogWriter>();
        services.AddHostedService<LogRetentionSweep>();
        return services;
    }
}
