using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Logs;

namespace Gatehouse.Cli;

/// <summary>`gatehouse logs signins|audits`: the tenant's sign-in and audit logs, newest first.</summary>
internal static class LogCommands
{
    private static readonly Option<string?> Since = new("--since")
    {
        Description = "Only entries since this instant (2026-12-01T08:00:00Z) or this long ago (30m, 24h, 7d).",
    };

    private static readonly Option<string?> App = new("--app") { Description = "Only this application's: its client ID, object ID or unique name." };

    private static readonly Option<int> Top = new("--top") { Description = "At most this many entries (default 100).", DefaultValueFactory = _ => 100 };

    public static Command Build(OpenDirectory open) => new("logs", "Sign-in and audit logs.")
    {
        Verb.Create("signins", "List sign-ins, successful or refused, newest first.", open, SignInsAsync, Since, App, Top),
        Verb.Create("audits", "List changes to the directory, newest first.", open, AuditsAsync, Since, App, Top),
    };

    private static async Task<CliResult> SignInsAsync(VerbContext context)
    {
        var filter = await FilterAsync(context);
        if (!filter.Succeeded)
        {
            return filter.Error;
        }

        var entries = await context.Get<ActivityLogQueries>().SignInsAsync(
            context.Tenant.Id, new SignInCriteria { Since = filter.Value.Since, AppId = filter.Value.AppId }, 0, context.Value(Top), context.CancellationToken);
        var text = new StringBuilder("TIME\tTYPE\tUSER\tAPP\tRESULT\tIP ADDRESS");
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{Time(e.CreatedDateTime)}\t{e.EventType}\t{e.UserPrincipalName ?? "-"}\t{e.AppDisplayName ?? e.AppId ?? "-"}\t{(e.ErrorCode == 0 ? "success" : $"AADSTS{e.ErrorCode}")}\t{e.IpAddress}");
        }

        return CliResult.Ok(new { value = entries.Select(SignIn) }, text.ToString());
    }

    private static async Task<CliResult> AuditsAsync(VerbContext context)
    {
        var filter = await FilterAsync(context);
        if (!filter.Succeeded)
        {
            return filter.Error;
        }

        var entries = await context.Get<ActivityLogQueries>().AuditsAsync(
            context.Tenant.Id, new AuditCriteria { Since = filter.Value.Since, AppId = filter.Value.AppId, AppObjectId = filter.Value.AppObjectId }, 0,
            context.Value(Top), context.CancellationToken);
        var text = new StringBuilder("TIME\tACTIVITY\tTARGET\tINITIATED BY");
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{Time(e.ActivityDateTime)}\t{e.ActivityDisplayName}\t{e.TargetDisplayName ?? e.TargetId}\t{e.InitiatorUserPrincipalName ?? e.InitiatorDisplayName ?? e.InitiatorType}");
        }

        return CliResult.Ok(new { value = entries.Select(Audit) }, text.ToString());
    }

    private static object SignIn(SignInLogEntry e) => new
    {
        id = e.Id,
        createdDateTime = e.CreatedDateTime,
        signInEventType = e.EventType,
        userId = e.UserId,
        userPrincipalName = e.UserPrincipalName,
        appId = e.AppId,
        appDisplayName = e.AppDisplayName,
        resourceId = e.ResourceId,
        resourceDisplayName = e.ResourceDisplayName,
        grantType = e.GrantType,
        errorCode = e.ErrorCode,
        failureReason = e.FailureReason,
        clientCredentialType = e.ClientCredentialType,
        credentialKeyId = e.CredentialKeyId,
        secretHint = e.SecretHint,
        certificateThumbprint = e.CertificateThumbprint,
        ipAddress = e.IpAddress,
        userAgent = e.UserAgent,
        correlationId = e.CorrelationId,
    };

    private static object Audit(DirectoryAuditEntry e) => new
    {
        id = e.Id,
        activityDateTime = e.ActivityDateTime,
        activityDisplayName = e.ActivityDisplayName,
        category = e.Category,
        operationType = e.OperationType,
        initiatedBy = new { type = e.InitiatorType, id = e.InitiatorId, appId = e.InitiatorAppId, displayName = e.InitiatorDisplayName, userPrincipalName = e.InitiatorUserPrincipalName },
        target = new { id = e.TargetId, type = e.TargetType, displayName = e.TargetDisplayName, userPrincipalName = e.TargetUserPrincipalName },
        modifiedProperties = JsonDocument.Parse(e.ModifiedProperties).RootElement,
    };

    /// <summary>--since as an instant, and --app as the application ID (and object ID) to match; a client ID no app has matches as given.</summary>
    private static async Task<Outcome<LogFilter, CliResult>> FilterAsync(VerbContext context)
    {
        DateTimeOffset? since = null;
        if (context.ParseResult.GetValue(Since) is { } sinceText)
        {
            if (ReadSince(sinceText, context.Get<TimeProvider>().GetUtcNow()) is not { } instant)
            {
                return CliResult.Fail($"'{sinceText}' is neither an instant (2026-12-01T08:00:00Z) nor a duration (30m, 24h, 7d).");
            }

            since = instant;
        }

        if (context.ParseResult.GetValue(App) is not { } app)
        {
            return new LogFilter(since, null, null);
        }

        var found = await context.Get<ApplicationRegistrations>().FindAsync(context.Tenant.Id, app, context.CancellationToken);
        if (found.Succeeded)
        {
            return new LogFilter(since, found.Value.AppId.ToString(), found.Value.Id.ToString());
        }

        if (Guid.TryParse(app, out var clientId))
        {
            return new LogFilter(since, clientId.ToString(), null);
        }

        return CliResult.Fail(found.Error);
    }

    private static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadSince(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? ago = text[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (ago is { } span)
            {
                return now - span;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }
}

internal sealed record LogFilter(DateTimeOffset? Since, string? AppId, string? AppObjectId);
