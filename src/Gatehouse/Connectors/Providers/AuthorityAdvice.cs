namespace Gatehouse.Connectors.Providers;

/// <summary>What to fix in the app registration for each AADSTS code an authority answers a connector with.</summary>
internal static class AuthorityAdvice
{
    private static readonly Dictionary<int, string> ByCode = new()
    {
        [7000215] = "The API secret is not a valid client secret of this app: copy the Value (not the Secret ID) of a secret under Certificates & secrets, or add a new one, and set oauth.api.secret to it.",
        [7000222] = "The API secret has expired: add a new client secret under Certificates & secrets and put its value in oauth.api.secret (PUT /instances/{id}).",
        [7000218] = "The authority expects a client secret: set oauth.api.secret to a client secret of the app.",
        [700016] = "No app with this API key exists in the tenant: set oauth.api.key to the Application (client) ID from the app's Overview, and oauth.tenant to its Directory (tenant) ID.",
        [90002] = "The tenant does not exist: set oauth.tenant to the Directory (tenant) ID or a verified domain.",
        [65001] = "The app has not been granted these permissions: add them under API permissions and select Grant admin consent, or let the user consent at sign-in.",
        [90094] = "Only an administrator can consent to these permissions: an administrator must select Grant admin consent under API permissions.",
        [65004] = "The user declined consent: sign in again and accept, or have an administrator grant consent for the tenant.",
        [50011] = "The callback URL is not a redirect URI of the app: add oauth.callback.url exactly under Authentication > Redirect URIs (Web).",
        [50148] = "The code was issued for a PKCE request; the hub's authorization URL does not use PKCE: start again from /elements/{key}/oauth/url.",
        [501481] = "The code was issued with PKCE; redeem it with the verifier, or start again from /elements/{key}/oauth/url.",
        [54005] = "The code was already redeemed: sign in again to get a new code.",
        [70000] = "The code or refresh token is not valid for this app: sign in again and re-authenticate the instance.",
        [70008] = "The refresh token has expired or was revoked: sign in again and re-authenticate the instance (PUT /instances/{id}?reAuthenticate=true).",
        [70011] = "A requested scope is not valid: fix oauth.scope (for app-only instances the scope is {resource}/.default).",
        [1002012] = "A requested scope is not valid: fix oauth.scope.",
        [500011] = "The API the scope names is not known in the tenant: fix oauth.scope.",
        [700022] = "App-only instances take exactly one {resource}/.default scope: fix oauth.scope.",
        [900144] = "The request missed a parameter the authority needs: check oauth.api.key, oauth.api.secret and oauth.callback.url.",
    };

    public static string For(int code, string error) =>
        ByCode.TryGetValue(code, out var advice) ? advice
        : error == "invalid_grant" ? ByCode[70000]
        : "The authority refused the request; its message says why.";
}
