namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The token service's error dialect: Entra's AADSTS codes with their OAuth error names and HTTP statuses
/// (docs/protocol/entra-protocol.md §5.2; reference-error-codes).
/// </summary>
internal static class Aadsts
{
    public static AadstsError InvalidTenantFormat(string tenant) =>
        new(900023, "invalid_request", 400, $"Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain.");

    public static AadstsError TenantNotFound(string tenant) =>
        new(90002, "invalid_request", 400, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    public static AadstsError TenantNotFoundInDiscovery(string tenant) => TenantNotFound(tenant) with { Error = "invalid_tenant" };

    public static AadstsError NeedsTenant() =>
        new(9001023, "invalid_request", 400, "The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.");

    public static AadstsError MissingParameter(string name) =>
        new(900144, "invalid_request", 400, $"The request body must contain the following parameter: '{name}'.");

    public static AadstsError RepeatedParameter(string name) =>
        new(90015, "invalid_request", 400, $"The parameter '{name}' is duplicated in the request.");

    public static AadstsError MalformedBody() =>
        new(900144, "invalid_request", 400, "The request body must be application/x-www-form-urlencoded and contain the following parameter: 'grant_type'.");

    public static AadstsError UnreadableForm() =>
        new(90023, "invalid_request", 400, "The request body is not a form the service can read: a value is not valid URL-encoded UTF-8, or the form is too large.");

    public static AadstsError BodyTooLarge(long limit) =>
        new(90023, "invalid_request", 400, $"The request body is larger than {limit} bytes.");

    public static AadstsError UnsupportedGrant(string grant) =>
        new(70003, "unsupported_grant_type", 400, $"The app requested an unsupported grant type '{grant}'.");

    public static AadstsError ResourceParameterOnV2() =>
        new(901002, "invalid_request", 400, "The 'resource' request parameter is not supported.");

    public static AadstsError ScopeParameterOnV1() =>
        MissingParameter("resource");

    public static AadstsError NoCredential() =>
        new(7000218, "invalid_client", 401, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static AadstsError ConflictingCredentials() =>
        new(90023, "invalid_request", 400, "The request carries more than one client credential; send one of client_secret, HTTP Basic or client_assertion.");

    public static AadstsError MalformedBasicCredentials() =>
        new(7000218, "invalid_client", 401, "The Authorization header is not valid HTTP Basic client authentication (RFC 6749 §2.3.1).");

    public static AadstsError ClientIdMismatch() =>
        new(700023, "invalid_request", 400, "The client_id in the request body does not match the client identified by the credential.");

    public static AadstsError MalformedClientId(string clientId) =>
        new(700016, "unauthorized_client", 400, $"Application with identifier '{clientId}' was not found in the directory. The client_id is not a valid application (client) ID.");

    public static AadstsError ClientNotFound(string clientId, string tenant) =>
        new(700016, "unauthorized_client", 400,
            $"Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

    /// <summary>The app's service principal in the tenant is disabled (accountEnabled false; the Enterprise app's "Enabled for users to sign in?").</summary>
    public static AadstsError ApplicationDisabled(Guid clientId, string name) =>
        new(7000112, "unauthorized_client", 400, $"Application '{clientId}'({name}) is disabled.");

    public static AadstsError InvalidSecret(Guid clientId) =>
        new(7000215, "invalid_client", 401,
            $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");

    public static AadstsError ExpiredSecret(Guid clientId) =>
        new(7000222, "invalid_client", 401,
            $"The provided client secret keys for app '{clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.");

    public static AadstsError UnsupportedAssertionType(string type) =>
        new(50027, "invalid_request", 400, $"JWT token is invalid or malformed: client_assertion_type '{type}' is not supported.");

    public static AadstsError MalformedAssertion(string reason) =>
        new(50027, "invalid_request", 400, $"JWT token is invalid or malformed. [Reason - {reason}]");

    public static AadstsError AssertionKeyNotFound() =>
        new(700027, "invalid_client", 401, "Client assertion contains an invalid signature. [Reason - The key was not found.]");

    public static AadstsError AssertionBadSignature() =>
        new(700027, "invalid_client", 401, "Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value.]");

    public static AadstsError AssertionExpiredKey() =>
        new(700027, "invalid_client", 401, "Client assertion contains an invalid signature. [Reason - The key used is expired.]");

    public static AadstsError AssertionOutsideLifetime(DateTimeOffset now, DateTimeOffset? notBefore, DateTimeOffset? expires) =>
        new(700024, "invalid_client", 400,
            $"Client assertion is not within its valid time range. Current time: {now:yyyy-MM-ddTHH:mm:ss.fffffffZ}, assertion valid from {notBefore:yyyy-MM-ddTHH:mm:ss.fffffffZ}, expiry time of assertion {expires:yyyy-MM-ddTHH:mm:ss.fffffffZ}.");

    public static AadstsError AssertionIssuer() =>
        new(700021, "invalid_client", 401, "Client assertion application identifier doesn't match 'client_id' parameter: 'iss' and 'sub' must be the client ID.");

    public static AadstsError AssertionReplayed() =>
        new(700023, "invalid_client", 401, "The client assertion has already been used: its 'jti' may be presented once within its lifetime.");

    public static AadstsError InvalidScope(string scope) =>
        new(70011, "invalid_scope", 400, $"The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");

    public static AadstsError ScopeNeedsDefault(string scope) =>
        new(1002012, "invalid_scope", 400, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    public static AadstsError MultipleResources() =>
        new(700022, "invalid_scope", 400, "The provided value for the input parameter scope is not valid because it contains more than one resource. Scope is not valid.");

    public static AadstsError ResourceNotFound(string resource, Guid tenantId) =>
        new(500011, "invalid_resource", 400,
            $"The resource principal named {resource} was not found in the tenant named {tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.");

    // The authorize endpoint (docs/protocol/entra-protocol.md §3.3, §5.2): shown on the page or sent to the redirect URI.

    public static AadstsError RedirectUriMismatch(string redirectUri, Guid clientId) =>
        new(50011, "invalid_request", 400,
            $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");

    public static AadstsError UnsupportedResponseType(string responseType) =>
        new(700054, "unsupported_response_type", 400, $"response_type '{responseType}' is not enabled for the application.");

    public static AadstsError AccessTokensNotEnabled() =>
        new(700051, "unsupported_response_type", 400, "response_type 'token' is not enabled for the application.");

    public static AadstsError QueryWithToken() =>
        new(70007, "invalid_request", 400, "'query' is not a supported value of 'response_mode' when requesting a token.");

    public static AadstsError UnsupportedResponseMode(string responseMode) =>
        new(900144, "invalid_request", 400, $"The response_mode '{responseMode}' is not supported; use query, fragment or form_post.");

    public static AadstsError PkceRequired() =>
        new(9002325, "invalid_request", 400, "Proof Key for Code Exchange is required for cross-origin authorization code redemption.");

    public static AadstsError CrossOriginNotSpa(string origin) =>
        new(9002326, "invalid_request", 400, $"Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '{origin}'.");

    public static AadstsError SpaNotCrossOrigin() =>
        new(9002327, "invalid_request", 400, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");

    public static AadstsError PkcePlainRefused() =>
        new(501491, "invalid_request", 400, "Invalid code_challenge_method: only S256 is accepted.");

    public static AadstsError PkceChallengeLength() =>
        new(501491, "invalid_request", 400, "Invalid size of code_challenge parameter.");

    public static AadstsError UnknownScope(string scope, string resource) =>
        new(650053, "invalid_scope", 400, $"The application asked for scope '{scope}' that doesn't exist on the resource '{resource}'. Contact the app vendor.");

    public static AadstsError LoginRequired() =>
        new(50058, "login_required", 400, "A silent sign-in request was sent but no user is signed in.");

    /// <summary>prompt=none, but the session is not the account the request names: Entra's SelectUserAccount interrupt.</summary>
    public static AadstsError AccountSelectionRequired() =>
        new(16000, "interaction_required", 400, "SelectUserAccount - the signed-in account is not the one login_hint names; the user must choose an account.");

    public static AadstsError ConsentRequired(Guid clientId) =>
        new(65001, "consent_required", 400, $"The user or administrator has not consented to use the application with ID '{clientId}'. Send an interactive authorization request for this user and resource.");

    public static AadstsError UserDeclinedConsent() =>
        new(65004, "access_denied", 400, "User declined to consent to access the app.");

    public static AadstsError AdminApprovalRequired(Guid clientId) =>
        new(90094, "access_denied", 400,
            $"The grant requires admin permission. AADSTS65001: The user or administrator has not consented to use the application with ID '{clientId}'.");

    // grant_type=authorization_code and refresh_token (docs/protocol/entra-protocol.md §5.2).

    public static AadstsError CodeRedeemed() =>
        new(54005, "invalid_grant", 400, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static AadstsError CodeExpired() =>
        new(70008, "invalid_grant", 400, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");

    public static AadstsError CodeInvalid() =>
        new(9002313, "invalid_grant", 400, "Invalid request. Request is malformed or invalid: the authorization code is not valid.");

    public static AadstsError CodeRedirectUriMismatch() =>
        new(50011, "invalid_grant", 400, "The redirect URI specified in the request does not match the redirect URI used to obtain the authorization code.");

    public static AadstsError CodeClientMismatch() =>
        new(70002, "invalid_grant", 400, "The authorization code was issued to another client.");

    public static AadstsError PkceMismatch() =>
        new(501481, "invalid_grant", 400, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static AadstsError PublicClientWithCredential() =>
        new(700025, "invalid_client", 401, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");

    public static AadstsError RefreshTokenInvalid() =>
        new(9002313, "invalid_grant", 400, "Invalid request. Request is malformed or invalid: the refresh token is not valid.");

    public static AadstsError RefreshTokenRevoked() =>
        new(70008, "invalid_grant", 400, "The refresh token has expired or been revoked: a rotated refresh token was presented again, so every token of its family is revoked.");

    public static AadstsError RefreshTokenInactive() =>
        new(700082, "invalid_grant", 400, "The refresh token has expired due to inactivity. The token was issued and was inactive for 90.00:00:00.");

    public static AadstsError SpaRefreshTokenExpired(DateTimeOffset issued) =>
        new(700084, "invalid_grant", 400,
            "The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. "
            + $"It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on {issued.UtcDateTime:O}.")
        {
            Suberror = "bad_token",
        };

    // The device authorization grant (RFC 8628 §3.5; docs/protocol/entra-protocol.md §3.3): polling answers, all HTTP 400.

    public static AadstsError AuthorizationPending() =>
        new(70016, "authorization_pending", 400, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    public static AadstsError SlowDown(int intervalSeconds) =>
        new(70016, "slow_down", 400, $"OAuth 2.0 device flow error. Authorization is pending; poll at most every {intervalSeconds} seconds.");

    public static AadstsError DeviceCodeExpired() =>
        new(70019, "expired_token", 400, "Verification code expired. Have the user retry the sign-in.");

    public static AadstsError DeviceCodeUnknown() =>
        new(70018, "bad_verification_code", 400, "Invalid verification code: the device_code is not recognized.");

    public static AadstsError DeviceCodeDeclined() =>
        new(65004, "authorization_declined", 400, "User declined to consent to access the app.");

    public static AadstsError DeviceCodeRedeemed() =>
        new(54005, "invalid_grant", 400, "The device code was already redeemed; start a new device code flow.");

    public static AadstsError PublicClientFlowsDisabled(Guid clientId) =>
        new(7000218, "invalid_client", 401,
            $"The request body must contain the following parameter: 'client_assertion' or 'client_secret'. The application '{clientId}' does not allow public client flows.");

    // grant_type=password (ROPC; docs/protocol/entra-protocol.md §5.2).

    public static AadstsError WrongPassword() =>
        new(50126, "invalid_grant", 400, "Error validating credentials due to invalid username or password.");

    public static AadstsError UserNotFound(string username, string tenant) =>
        new(50034, "invalid_grant", 400, $"The user account {username} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.");

    public static AadstsError AccountLocked() =>
        new(50053, "invalid_grant", 400, "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.");

    public static AadstsError AccountDisabled() =>
        new(50057, "invalid_grant", 400, "The user account is disabled.");

    // Abuse limits (docs/protocol/entra-protocol.md §5.2): HTTP 429 with Retry-After, as Entra throttles a token request.

    public static AadstsError ClientThrottled(Guid clientId, TimeSpan retryAfter) =>
        new(90055, "temporarily_unavailable", 429,
            $"There are too many incoming requests: client authentication for app '{clientId}' failed too many times. Retry after the number of seconds in the Retry-After header.")
        {
            RetryAfter = retryAfter,
        };

    public static AadstsError SignInThrottled(TimeSpan retryAfter) =>
        new(50053, "invalid_grant", 429,
            "Sign-in was blocked because it came from an IP address with too many failed sign-ins. Retry after the number of seconds in the Retry-After header.")
        {
            RetryAfter = retryAfter,
        };

    public static AadstsError ConsentRequiredForGrant(Guid clientId) =>
        new(65001, "invalid_grant", 400, $"The user or administrator has not consented to use the application with ID '{clientId}'. Send an interactive authorization request for this user and resource.")
        {
            Suberror = "consent_required",
        };

    // Multi-tenant sign-in and the admin consent endpoint (v2-admin-consent; reference-error-codes).

    public static AadstsError SingleTenantAppOnCommon(Guid clientId, string name) =>
        new(50194, "invalid_request", 400,
            $"Application '{clientId}'({name}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.");

    /// <summary>
    /// /consumers is for personal Microsoft accounts, which this directory has none of; Entra hands such requests to the
    /// Microsoft account service, which answers "not enabled for consumers".
    /// </summary>
    public static AadstsError NotEnabledForConsumers(string clientId) =>
        new(700016, "unauthorized_client", 400,
            $"Application with identifier '{clientId}' was not found in the directory 'Microsoft Accounts'. The client does not exist or is not enabled for consumers.");

    public static AadstsError UserNotInTenant(string tenant) =>
        new(50020, "invalid_request", 400, $"The user account does not exist in tenant '{tenant}' and cannot access the application in that tenant. Sign in with an account of that tenant.");

    // What the token service answers when it cannot finish (docs/protocol/entra-protocol.md §5.2, "Failures").

    public static AadstsError ServerError() =>
        new(50000, "server_error", 500, "There was an error issuing a token or an issue with the sign-in service.");

    public static AadstsError TemporarilyUnavailable() =>
        new(90033, "temporarily_unavailable", 503, "A transient error has occurred. Please try again.");
}
