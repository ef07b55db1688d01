using System.Globalization;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Identity.Protocol;
using Gatehouse.Portal.Directories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Portal;

/// <summary>The one sign-in page of the server: a password checked with smart lockout, then the session cookie.</summary>
internal sealed class SignInModel(PasswordSignIn signIn, SignInLog signIns, DirectorySessions directories) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    /// <summary>The authorize request's login_hint: the username the form starts with.</summary>
    [BindProperty(SupportsGet = true, Name = "login_hint")]
    public string? LoginHint { get; set; }

    /// <summary>Sent by "Sign in to another directory": the session this sign-in replaces stays listed in the directory switcher.</summary>
    [BindProperty(SupportsGet = true, Name = "add_account")]
    public bool AddAccount { get; set; }

    /// <summary>prompt=select_account: the session's account is offered beside the form.</summary>
    [BindProperty(SupportsGet = true, Name = "prompt")]
    public string? Prompt { get; set; }

    /// <summary>The signed-in account the person may continue as, when the request asked them to pick one.</summary>
    public string? OfferedAccount => Prompt == "select_account" && User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    /// <summary>Where "Continue" goes: the request that sent the person here, only on this server.</summary>
    public string ContinueUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/applications";

    [BindProperty]
    public string? Password { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() => Username ??= LoginHint is { Length: <= 256 } hint ? hint : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password) || Username.Length > 256 || Password.Length > 256)
        {
            Problem = "Enter your username and password.";
            return Page();
        }

        var check = await signIn.CheckAsync(Username, Password, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        if (check.User is { } known)
        {
            await signIns.RecordAsync(Entry(check, known));
        }

        switch (check.Outcome)
        {
            case SignInOutcome.Succeeded when check.User is { } user:
                await directories.SignInAsync(HttpContext, user, keepOthers: AddAccount);
                return LocalRedirect(ContinueUrl);
            case SignInOutcome.LockedOut:
                Problem = "Your account is temporarily locked to prevent unauthorized use. Try again later.";
                break;
            case SignInOutcome.Throttled:
                Problem = "There have been too many failed sign-ins from your network. Try again in a few minutes.";
                Response.Headers.RetryAfter = AadstsError.RetryAfterSeconds(check.RetryAfter).ToString(CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case SignInOutcome.Disabled:
                Problem = "Your account has been locked. Contact your administrator.";
                break;
            default:
                Problem = "Your account or password is incorrect.";
                break;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The interactive sign-in, for the app whose authorize request sent the person here (docs/protocol/graph-dataverse.md §2.9).</summary>
    private SignInLogEntry Entry(PasswordCheck check, User user)
    {
        var refusal = check.Outcome switch
        {
            SignInOutcome.Succeeded => null,
            SignInOutcome.LockedOut => Aadsts.AccountLocked(),
            SignInOutcome.Throttled => Aadsts.SignInThrottled(check.RetryAfter),
            SignInOutcome.Disabled => Aadsts.AccountDisabled(),
            _ => Aadsts.WrongPassword(),
        };
        var query = ReturnUrl?.IndexOf('?', StringComparison.Ordinal) is >= 0 and var start ? QueryHelpers.ParseQuery(ReturnUrl[start..]) : null;
        return new SignInLogEntry
        {
            TenantId = user.TenantId,
            CreatedDateTime = signIns.Clock.GetUtcNow(),
            EventType = SignInEventTypes.InteractiveUser,
            UserId = user.Id,
            UserPrincipalName = user.UserPrincipalName,
            NormalizedUserPrincipalName = user.UserPrincipalName.ToUpperInvariant(),
            UserDisplayName = user.DisplayName,
            AppId = query is not null && query.TryGetValue("client_id", out var clientId) ? SignInLogEntry.Cut(clientId.ToString()) : null,
            ErrorCode = refusal?.Code ?? 0,
            FailureReason = refusal?.Message,
            IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
            UserAgent = SignInLogEntry.Cut(Request.Headers.UserAgent.ToString()),
            CorrelationId = HttpContext.TraceIdentifier,
        };
    }
}
