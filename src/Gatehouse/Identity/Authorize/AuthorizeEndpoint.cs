using System.Security.Claims;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Identity.Tenancy;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Identity.Authorize;

/// <summary>
/// GET/POST /{tenant}/oauth2/v2.0/authorize and v1.0's /{tenant}/oauth2/authorize (RFC 6749 §4.1.1, OpenID Connect Core §3.1.2; reference/entra-protocol.md
/// §3.3): response_type=code with PKCE. Until the client and its redirect URI are known to belong together, errors are
/// shown on a page; after that they go back to the redirect URI. The person signs in on the server's one sign-in page
/// (the default authentication scheme's session) and consents on its consent page.
/// </summary>
internal sealed class AuthorizeEndpoint(TenantResolver tenants, DelegatedScopes delegated, AuthorizationCodes codes)
{
    /// <summary>Set by the consent page when the person leaves it without consenting; never sent by clients.</summary>
    public const string ConsentOutcomeParameter = "gatehouse_consent";
    public const string ConsentDeclined = "declined";
    public const string ConsentNeedsAdmin = "admin";

    private const int MinimumChallengeLength = 43;
    private const int MaximumChallengeLength = 128;

    public async Task HandleAsync(HttpContext context, string tenantSegment, bool v2)
    {
        TokenServiceHeaders.Stamp(context);
        var cancellationToken = context.RequestAborted;
        var parameters = await ReadParametersAsync(context);
        string? Get(string name) => parameters.GetValueOrDefault(name);

        var (tenant, tenantError) = await tenants.ResolveAsync(tenantSegment, discovery: false, cancellationToken);
        if (tenant is null)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, tenantError!);
            return;
        }

        if (Get("client_id") is not { Length: > 0 } clientIdText)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.MissingParameter("client_id"));
            return;
        }

        if (tenant.Segment == TenantRoute.Consumers)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.NotEnabledForConsumers(clientIdText));
            return;
        }

        var application = Guid.TryParse(clientIdText, out var clientId) ? await delegated.FindApplicationAsync(clientId, cancellationToken) : null;
        if (application is null)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.ClientNotFound(clientIdText, tenant.Segment));
            return;
        }

        // /common and /organizations sign in a user of any tenant, which only a multi-tenant app may ask for.
        if (!tenant.IsSpecificTenant && application.SignInAudience == Application.SingleTenant)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.SingleTenantAppOnCommon(clientId, application.DisplayName));
            return;
        }

        if (tenant.TenantId is { } namedTenant && (await delegated.CheckSignInAsync(namedTenant, tenant.Segment, application, cancellationToken)).Error is { } audienceError)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, audienceError);
            return;
        }

        // Exact match against the registered URIs: no wildcards, no case folding, no trailing-slash leniency.
        if (Get("redirect_uri") is not { Length: > 0 and <= AuthorizationCode.MaximumRedirectUriLength } redirectUri)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.MissingParameter("redirect_uri"));
            return;
        }

        var isSpa = application.SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal);
        var isPublic = application.PublicClientRedirectUris.Contains(redirectUri, StringComparer.Ordinal);
        if (!isSpa && !isPublic && !application.WebRedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.RedirectUriMismatch(redirectUri, clientId));
            return;
        }

        var state = Get("state");
        var responseMode = Get("response_mode") ?? AuthorizeResponse.Query;
        if (responseMode is not (AuthorizeResponse.Query or AuthorizeResponse.Fragment or AuthorizeResponse.FormPost))
        {
            await AuthorizeResponse.SendErrorAsync(context, redirectUri, AuthorizeResponse.Query, Aadsts.UnsupportedResponseMode(responseMode), state);
            return;
        }

        Task Refuse(AadstsError error) => AuthorizeResponse.SendErrorAsync(context, redirectUri, responseMode, error, state);

        if (Get("response_type") is not { } responseType)
        {
            await Refuse(Aadsts.MissingParameter("response_type"));
            return;
        }

        if (responseType != "code")
        {
            await Refuse(Aadsts.UnsupportedResponseType(responseType));
            return;
        }

        if (CheckPkce(Get("code_challenge"), Get("code_challenge_method"), isSpa || isPublic || application.IsFallbackPublicClient) is { } pkceError)
        {
            await Refuse(pkceError);
            return;
        }

        var scopeParameter = !v2 && Get("scope") is null ? RequestedScopes.FromResource(Get("resource")) : Get("scope");
        var (requested, scopeError) = RequestedScopes.Parse(scopeParameter);
        if (requested is null)
        {
            await Refuse(scopeError!);
            return;
        }

        switch (Get(ConsentOutcomeParameter))
        {
            case ConsentDeclined:
                await Refuse(Aadsts.UserDeclinedConsent());
                return;
            case ConsentNeedsAdmin:
                await Refuse(Aadsts.AdminApprovalRequired(clientId));
                return;
        }

        var prompt = Get("prompt");
        var (user, signInError) = await SessionAsync(context, tenant, prompt, Get("login_hint"));
        if (signInError is not null)
        {
            await Refuse(signInError);
            return;
        }

        if (user is null)
        {
            context.Response.Redirect(SignInPage(tenantSegment, v2, parameters, offerSession: prompt == "select_account"));
            return;
        }

        var userId = Guid.Parse(user.FindFirstValue("oid")!);
        var tenantId = Guid.Parse(user.FindFirstValue("tid")!);
        var (hasServicePrincipal, userTenantError) = await delegated.CheckSignInAsync(tenantId, tenantId.ToString(), application, cancellationToken);
        if (userTenantError is not null)
        {
            await Refuse(userTenantError);
            return;
        }

        var (request, resolveError) = await delegated.ResolveAsync(tenantId, application, requested, cancellationToken);
        if (request is null)
        {
            await Refuse(resolveError!);
            return;
        }

        // prompt=consent asks again for everything requested; so does a multi-tenant app's first sign-in in a tenant,
        // whose consent makes its service principal there.
        var granted = await delegated.GrantedAsync(tenantId, clientId, request.ResourceAppId, userId, cancellationToken);
        var askFor = prompt == "consent" || !hasServicePrincipal ? request.Scopes : request.Missing(granted);
        if (askFor.Count > 0 || prompt == "consent" || !hasServicePrincipal)
        {
            if (prompt == "none")
            {
                await Refuse(Aadsts.ConsentRequired(clientId));
                return;
            }

            context.Response.Redirect(
                $"/consent?client_id={clientId}&resource={request.ResourceAppId}&scope={Uri.EscapeDataString(string.Join(' ', askFor))}"
                + $"&ReturnUrl={Uri.EscapeDataString(ReturnUrl(tenantSegment, v2, parameters, "prompt"))}");
            return;
        }

        var code = await codes.IssueAsync(
            new AuthorizationCode
            {
                TenantId = tenantId,
                ClientId = clientId,
                UserId = userId,
                RedirectUri = redirectUri,
                Scope = request.TokenScope(granted),
                ResourceAppId = request.ResourceAppId,
                Nonce = Get("nonce"),
                CodeChallenge = Get("code_challenge"),
                CodeChallengeMethod = Get("code_challenge") is null ? null : "S256",
            },
            cancellationToken);
        List<KeyValuePair<string, string>> answer = [new("code", code)];
        if (state is not null)
        {
            answer.Add(new("state", state));
        }

        await AuthorizeResponse.SendAsync(context, redirectUri, responseMode, answer);
    }

    /// <summary>The query, or the form of a POST: each parameter's first value.</summary>
    public static async Task<Dictionary<string, string>> ReadParametersAsync(HttpContext context)
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source = context.Request.Query;
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            source = await context.Request.ReadFormAsync(context.RequestAborted);
        }

        return source.Where(p => p.Value.Count > 0 && p.Value[0] is not null).ToDictionary(p => p.Key, p => p.Value[0]!, StringComparer.Ordinal);
    }

    // RFC 7636 §4.2–4.3: S256 only (plain gives no protection when the challenge leaks); required for SPA and public clients.
    private static AadstsError? CheckPkce(string? challenge, string? method, bool required)
    {
        if (challenge is null)
        {
            return required ? Aadsts.PkceRequired() : method is null ? null : Aadsts.MissingParameter("code_challenge");
        }

        if (method != "S256")
        {
            return Aadsts.PkcePlainRefused();
        }

        return challenge.Length is < MinimumChallengeLength or > MaximumChallengeLength ? Aadsts.PkceChallengeLength() : null;
    }

    /// <summary>
    /// The signed-in person this request may use, or why not (OpenID Connect Core §3.1.2.1 prompt and login_hint): a
    /// session of the tenant named (any tenant on /common and /organizations), unless prompt=login or select_account asks
    /// the person again or login_hint names someone else. Null with no error: the person goes to the sign-in page.
    /// </summary>
    private static async Task<(ClaimsPrincipal? User, AadstsError? Error)> SessionAsync(HttpContext context, TenantRoute tenant, string? prompt, string? loginHint)
    {
        var session = await context.AuthenticateAsync();
        var user = session.Succeeded && (tenant.TenantId is not { } tenantId || session.Principal.FindFirstValue("tid") == tenantId.ToString())
            ? session.Principal
            : null;
        var someoneElse = user is not null && loginHint is { Length: > 0 } && !string.Equals(loginHint, user.Identity?.Name, StringComparison.OrdinalIgnoreCase);
        if (prompt == "none")
        {
            return user is null ? (null, Aadsts.LoginRequired()) : someoneElse ? (null, Aadsts.AccountSelectionRequired()) : (user, null);
        }

        return prompt is "login" or "select_account" || someoneElse ? (null, null) : (user, null);
    }

    /// <summary>
    /// The sign-in page, returning to this request without what sent the person there (prompt=login / select_account,
    /// login_hint, which prefills the username; prompt=consent stays for after sign-in). select_account also offers the session's account.
    /// </summary>
    private static string SignInPage(string tenantSegment, bool v2, Dictionary<string, string> parameters, bool offerSession)
    {
        string[] answered = parameters.GetValueOrDefault("prompt") is "login" or "select_account" ? ["prompt", "login_hint"] : ["login_hint"];
        var page = "/signin?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl(tenantSegment, v2, parameters, answered));
        if (parameters.GetValueOrDefault("login_hint") is { Length: > 0 } hint)
        {
            page += "&login_hint=" + Uri.EscapeDataString(hint);
        }

        return offerSession ? page + "&prompt=select_account" : page;
    }

    /// <summary>This request again, as a GET the sign-in and consent pages can return to, without the parameters named.</summary>
    private static string ReturnUrl(string tenantSegment, bool v2, Dictionary<string, string> parameters, params string[] without) =>
        $"/{Uri.EscapeDataString(tenantSegment)}/oauth2/{(v2 ? "v2.0/" : "")}authorize?" + string.Join('&', parameters
            .Where(p => p.Key != ConsentOutcomeParameter && !without.Contains(p.Key, StringComparer.Ordinal))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
