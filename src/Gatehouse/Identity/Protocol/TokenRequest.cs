using Microsoft.Extensions.Primitives;

namespace Gatehouse.Identity.Protocol;

/// <summary>The parameters of a token request, each given at most once (RFC 6749 §3.2: "parameters MUST NOT be included more than once").</summary>
internal sealed class TokenRequest(IFormCollection form)
{
    public string? GrantType => Single("grant_type");
    public string? ClientId => Single("client_id");
    public string? ClientSecret => Single("client_secret");
    public string? ClientAssertion => Single("client_assertion");
    public string? ClientAssertionType => Single("client_assertion_type");
    public string? Scope => Single("scope");
    public string? Resource => Single("resource");

    public string? Code => Single("code");

    public string? RedirectUri => Single("redirect_uri");

    public string? CodeVerifier => Single("code_verifier");

    public string? RefreshToken => Single("refresh_token");

    public string? DeviceCode => Single("device_code");

    public string? Username => Single("username");

    public string? Password => Single("password");

    /// <summary>"1" asks for client_info, MSAL's home account ID (docs/protocol/entra-protocol.md §3.5).</summary>
    public bool WantsClientInfo => Single("client_info") == "1";

    /// <summary>The first parameter given more than once, which the request is refused for.</summary>
    public string? RepeatedParameter => form.FirstOrDefault(p => p.Value.Count > 1).Key;

    private string? Single(string name) => form.TryGetValue(name, out var values) && values.Count == 1 && !StringValues.IsNullOrEmpty(values)
        ? values[0]
        : null;
}
