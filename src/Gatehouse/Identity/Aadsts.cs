namespace Gatehouse.Identity;

/// <summary>
/// The token service's error dialect: Entra's AADSTS codes with their OAuth error names and HTTP statuses
/// (reference/entra-protocol.md §5.2; reference-error-codes).
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
}
