using Gatehouse.DirectoryObjects.Logs;

namespace Gatehouse.Portal.Monitoring;

/// <summary>A sign-in's columns in the words Entra's Sign-in logs blade uses.</summary>
internal static class SignInDisplay
{
    public static string Status(SignInLogEntry e) => e.ErrorCode == 0 ? "Success" : $"Failure (AADSTS{e.ErrorCode})";

    public static string EventType(SignInLogEntry e) => e.EventType switch
    {
        SignInEventTypes.InteractiveUser => "Interactive user",
        SignInEventTypes.NonInteractiveUser => "Non-interactive user",
        SignInEventTypes.ManagedIdentity => "Managed identity",
        _ => "Service principal",
    };

    /// <summary>Graph's clientAppUsed: a browser for the sign-in page, an app for a token redeemed; none for an app's own sign-in.</summary>
    public static string? ClientApp(SignInLogEntry e) =>
        SignInEventTypes.IsAppOnly(e.EventType) ? null
        : e.EventType == SignInEventTypes.InteractiveUser && e.GrantType is null ? "Browser"
        : "Mobile Apps and Desktop clients";

    /// <summary>The user who signed in; none for a service principal, which the Application column names.</summary>
    public static string? Identity(SignInLogEntry e) => e.UserPrincipalName ?? e.UserDisplayName;
}
