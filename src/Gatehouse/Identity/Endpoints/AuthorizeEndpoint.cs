using System.Globalization;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// GET/POST /{tenant}/oauth2/v2.0/authorize and v1.0's /{tenant}/oauth2/authorize (RFC 6749 §4.1.1, OpenID Connect Core §3.1.2; docs/protocol/entra-protocol.md
/// §3.3): response_type=code with PKCE; with id_token (OpenID Connect Core §3.2, §3.3) and token (the implicit grant, RFC 6749 §4.2)
/// for an app allowed them. Until the client and its redirect URI are known to belong together, errors are
/// shown on a page; after that they go back to the redirect URI. The person signs in on the server's one sign-in page
/// (the default authentication scheme's session) and consents on its consent page.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorize(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/{tenant}/oauth2/v2.0/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .WithMetadata(ProtocolVersion.V2, TokenServiceFailures.SignInPages).DisableAntiforgery();
        endpoints.MapMethods("/{tenant}/oauth2/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .WithMetadata(ProtocolVersion.V1, TokenServiceFailures.SignInPages).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string tenant,
        BrowserParameters parameters,
        ProtocolVersion version,
        HttpContext context,
        TenantResolver tenants,
        ClientRegistrations registrations,
        DelegatedScopes delegated,
        AuthorizationCodes codes,
        DelegatedTokens tokens,
        IssuerUrls urls)
    {
        if (parameters.Refusal is { } unreadable)
        {
            return TokenServicePage.Error(unreadable);
        }

        var cancellationToken = context.RequestAborted;
        var route = await tenants.ResolveAsync(tenant, discovery: false, cancellationToken);
        if (!route.Succeeded)
        {
            return TokenServicePage.Error(route.Error);
        }

        var checkedClient = await CheckClientAsync(route.Value, parameters, registrations, cancellationToken);
        if (!checkedClient.Succeeded)
        {
            return TokenServicePage.Error(checkedClient.Error);
        }

        var (application, registered) = checkedClient.Value;
        var redirectUri = registered.Uri;
        var state = parameters["state"];
        var responseType = ResponseType.Parse(parameters["response_type"]);

        // OAuth 2.0 Multiple Response Type Encoding Practices §3.0, §5: what carries a token defaults to the fragment.
        var responseMode = parameters["response_mode"] ?? (responseType?.CarriesToken == true ? ResponseMode.Fragment : ResponseMode.Query);
        if (!ResponseMode.IsSupported(responseMode))
        {
            return RedirectToClient.Error(redirectUri, ResponseMode.Query, Aadsts.UnsupportedResponseMode(responseMode), state);
        }

        RedirectToClient Refuse(AadstsError error) => RedirectToClient.Error(redirectUri, responseMode, error, state);

        var checkedRequest = CheckRequest(parameters, application, registered, responseMode, version);
        if (!checkedRequest.Succeeded)
        {
            return Refuse(checkedRequest.Error);
        }

        var (type, requested) = checkedRequest.Value;
        var prompt = parameters["prompt"];
        var session = await BrowserSession.ReadAsync(context);
        var user = session is not null && (route.Value.TenantId is not { } namedTenant || session.TenantId == namedTenant) ? session : null;
        var loginHint = parameters["login_hint"];
        var someoneElse = user is not null && loginHint is { Length: > 0 } && !string.Equals(loginHint, user.UserPrincipalName, StringComparison.OrdinalIgnoreCase);

        // OpenID Connect Core §3.1.2.1: prompt=none never shows a page; login and select_account always ask the person again.
        if (prompt == "none" && (user is null || someoneElse))
        {
            return Refuse(user is null ? Aadsts.LoginRequired() : Aadsts.AccountSelectionRequired());
        }

        // Signed in with an account of another tenant at this tenant's endpoint: Entra's AADSTS50020 on its page, rather
        // than the sign-in form again (docs/protocol/entra-protocol.md §3.8); login_hint or prompt may still ask for another account.
        var hintNamesSession = loginHint is not { Length: > 0 } || string.Equals(loginHint, session?.UserPrincipalName, StringComparison.OrdinalIgnoreCase);
        if (session is not null && user is null && hintNamesSession && prompt is not ("login" or "select_account"))
        {
            return TokenServicePage.Error(Aadsts.UserNotInTenant(route.Value.Segment));
        }

        if (user is null || someoneElse || prompt is "login" or "select_account")
        {
            return Results.Redirect(SignInPage(tenant, version, parameters, offerSession: prompt == "select_account"));
        }

        var signIn = await registrations.CheckSignInAsync(user.TenantId, user.TenantId.ToString(), application, cancellationToken);
        if (!signIn.Succeeded)
        {
            return Refuse(signIn.Error);
        }

        var hasServicePrincipal = signIn.Value;
        var request = await delegated.ResolveAsync(user.TenantId, application, requested, cancellationToken);
        if (!request.Succeeded)
        {
            return Refuse(request.Error);
        }

        // prompt=consent asks again for everything requested; so does a multi-tenant app's first sign-in in a tenant,
        // whose consent makes its service principal there.
        var clientId = application.AppId;
        var granted = await delegated.GrantedAsync(user.TenantId, clientId, request.Value.ResourceAppId, user.UserId, cancellationToken);
        var askFor = prompt == "consent" || !hasServicePrincipal ? request.Value.Scopes : request.Value.Missing(granted);
        if (askFor.Count > 0 || prompt == "consent" || !hasServicePrincipal)
        {
            return prompt == "none"
                ? Refuse(Aadsts.ConsentRequired(clientId))
                : Results.Redirect(
                    $"/consent?client_id={clientId}&resource={request.Value.ResourceAppId}&scope={Uri.EscapeDataString(string.Join(' ', askFor))}"
                    + $"&ReturnUrl={Uri.EscapeDataString(ReturnUrl(tenant, version, parameters, "prompt"))}");
        }

        List<KeyValuePair<string, string>> answer = [];
        string? code = null;
        if (type.Code)
        {
            code = await codes.IssueAsync(
                new AuthorizationCode
                {
                    TenantId = user.TenantId,
                    ClientId = clientId,
                    UserId = user.UserId,
                    RedirectUri = redirectUri,
                    Scope = request.Value.TokenScope(granted),
                    ResourceAppId = request.Value.ResourceAppId,
                    Nonce = parameters["nonce"],
                    SessionId = user.SessionId,
                    CodeChallenge = parameters["code_challenge"],
                    CodeChallengeMethod = parameters["code_challenge"] is null ? null : Pkce.S256,
                },
                cancellationToken);
            answer.Add(new("code", code));
        }

        if (type.CarriesToken)
        {
            var issued = await IssueTokensAsync(
                type, urls.For(context.Request), tokens, user, clientId, request.Value.ResourceAppId, request.Value.TokenScope(granted), parameters["nonce"], code, cancellationToken);
            if (!issued.Succeeded)
            {
                return Refuse(issued.Error);
            }

            answer.AddRange(issued.Value);
        }

        if (state is not null)
        {
            answer.Add(new("state", state));
        }

        // Signing out of the session loads this app's front-channel logout URL (LogoutEndpoint).
        await BrowserSession.RememberAppAsync(context, clientId);
        return new RedirectToClient(redirectUri, responseMode, answer);
    }

    /// <summary>
    /// The tokens of the answer, in Entra's order (docs/protocol/entra-protocol.md §3.3): the access token with its type,
    /// lifetime and scope, never a refresh token; then the ID token, bound to the code and access token it travels with.
    /// </summary>
    private static async Task<Outcome<List<KeyValuePair<string, string>>, AadstsError>> IssueTokensAsync(
        ResponseType type, IssuerUrls urls, DelegatedTokens tokens, BrowserSession session, Guid clientId, Guid resourceAppId, string scope, string? nonce,
        string? code, CancellationToken cancellationToken)
    {
        if (await tokens.FindUserAsync(session.TenantId, session.UserId, cancellationToken) is not { } user)
        {
            return Aadsts.LoginRequired();
        }

        List<KeyValuePair<string, string>> answer = [];
        string? accessToken = null;
        if (type.Token)
        {
            var issued = await tokens.IssueImplicitAsync(urls, clientId, user, resourceAppId, scope, cancellationToken);
            if (!issued.Succeeded)
            {
                return issued.Error;
            }

            accessToken = issued.Value.Token.AccessToken;
            answer.Add(new("access_token", accessToken));
            answer.Add(new("token_type", "Bearer"));
            answer.Add(new("expires_in", issued.Value.Token.Lifetime.ToString(CultureInfo.InvariantCulture)));
            answer.Add(new("scope", issued.Value.Scope ?? ""));
        }

        // The nonce was required of every request for an ID token (ResponseType.RuleError).
        if (type.IdToken)
        {
            answer.Add(new("id_token", await tokens.IssueIdTokenAsync(urls, clientId, user, nonce, session.SessionId, new FrontChannel(code, accessToken), cancellationToken)));
        }

        return answer;
    }

    /// <summary>
    /// The app the request names and the redirect URI it gave, once they are known to belong together: errors until
    /// then are shown on a page, never sent to a URI that may not be the app's.
    /// </summary>
    private static async Task<Outcome<AuthorizeClient, AadstsError>> CheckClientAsync(
        TenantRoute tenant, BrowserParameters parameters, ClientRegistrations registrations, CancellationToken cancellationToken)
    {
        if (parameters["client_id"] is not { Length: > 0 } clientIdText)
        {
            return Aadsts.MissingParameter("client_id");
        }

        if (tenant.Segment == TenantRoute.Consumers)
        {
            return Aadsts.NotEnabledForConsumers(clientIdText);
        }

        var application = Guid.TryParse(clientIdText, out var clientId) ? await registrations.FindApplicationAsync(clientId, cancellationToken) : null;
        if (application is null)
        {
            return Aadsts.ClientNotFound(clientIdText, tenant.Segment);
        }

        // /common and /organizations sign in a user of any tenant, which only a multi-tenant app may ask for.
        if (!tenant.IsSpecificTenant && application.SignInAudience == Application.SingleTenant)
        {
            return Aadsts.SingleTenantAppOnCommon(clientId, application.DisplayName);
        }

        if (tenant.TenantId is { } namedTenant)
        {
            var signIn = await registrations.CheckSignInAsync(namedTenant, tenant.Segment, application, cancellationToken);
            if (!signIn.Succeeded)
            {
                return signIn.Error;
            }
        }

        var redirectUri = RegisteredRedirectUri.Find(application, parameters["redirect_uri"]);
        return redirectUri.Succeeded ? new AuthorizeClient(application, redirectUri.Value) : redirectUri.Error;
    }

    /// <summary>What the request asks for, checked in Entra's order; its errors go back to the redirect URI.</summary>
    private static Outcome<AuthorizeRequest, AadstsError> CheckRequest(
        BrowserParameters parameters, Application application, RegisteredRedirectUri redirectUri, string responseMode, ProtocolVersion version)
    {
        if (parameters["response_type"] is not { } responseTypeText)
        {
            return Aadsts.MissingParameter("response_type");
        }

        // A token from this endpoint only when the registration allows it (Authentication's "ID tokens" and "Access tokens" boxes).
        if (ResponseType.Parse(responseTypeText) is not { } responseType || (responseType.IdToken && !application.EnableIdTokenIssuance))
        {
            return Aadsts.UnsupportedResponseType(responseTypeText);
        }

        if (responseType.Token && !application.EnableAccessTokenIssuance)
        {
            return Aadsts.AccessTokensNotEnabled();
        }

        if (responseType.RuleError(responseMode, parameters["nonce"]) is { } tokenError)
        {
            return tokenError;
        }

        if (responseType.Code
            && Pkce.ChallengeError(parameters["code_challenge"], parameters["code_challenge_method"], redirectUri.IsPublicClient || application.IsFallbackPublicClient) is { } pkceError)
        {
            return pkceError;
        }

        var scopeParameter = !version.IsV2 && parameters["scope"] is null ? RequestedScopes.FromResource(parameters["resource"]) : parameters["scope"];
        var requested = RequestedScopes.Parse(scopeParameter);
        if (!requested.Succeeded)
        {
            return requested.Error;
        }

        return parameters[ConsentOutcome.Parameter] switch
        {
            ConsentOutcome.Declined => Aadsts.UserDeclinedConsent(),
            ConsentOutcome.NeedsAdmin => Aadsts.AdminApprovalRequired(application.AppId),
            _ => new AuthorizeRequest(responseType, requested.Value),
        };
    }

    /// <summary>
    /// The sign-in page, returning to this request without what sent the person there (prompt=login / select_account,
    /// login_hint, which prefills the username; prompt=consent stays for after sign-in). select_account also offers the session's account.
    /// </summary>
    private static string SignInPage(string tenantSegment, ProtocolVersion version, BrowserParameters parameters, bool offerSession)
    {
        string[] answered = parameters["prompt"] is "login" or "select_account" ? ["prompt", "login_hint"] : ["login_hint"];
        var page = "/signin?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl(tenantSegment, version, parameters, answered));
        if (parameters["login_hint"] is { Length: > 0 } hint)
        {
            page += "&login_hint=" + Uri.EscapeDataString(hint);
        }

        return offerSession ? page + "&prompt=select_account" : page;
    }

    /// <summary>This request again, as a GET the sign-in and consent pages can return to, without the parameters named.</summary>
    private static string ReturnUrl(string tenantSegment, ProtocolVersion version, BrowserParameters parameters, params string[] without) =>
        $"/{Uri.EscapeDataString(tenantSegment)}/oauth2/{(version.IsV2 ? "v2.0/" : "")}authorize?" + parameters.QueryWithout(without);

    private sealed record AuthorizeClient(Application Application, RegisteredRedirectUri RedirectUri);

    private sealed record AuthorizeRequest(ResponseType ResponseType, RequestedScopes Scopes);
}
