using System.Text;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.HostileInput;

/// <summary>
/// Malformed requests to the token service: token (every grant), authorize (query and form_post), device code,
/// logout, discovery, JWKS, user realm and admin consent, under good, odd and unknown tenants.
/// </summary>
internal sealed class TokenServiceInputs(Garbage g, HostileTenant tenant)
{
    private static readonly string[] GrantTypes =
    [
        "client_credentials", "authorization_code", "refresh_token", "password", "urn:ietf:params:oauth:grant-type:device_code",
        "urn:ietf:params:oauth:grant-type:jwt-bearer", "implicit", "CLIENT_CREDENTIALS", "", "client_credentials client_credentials",
    ];

    public string Tenant() => g.Next(10) switch
    {
        < 4 => TokenServiceFixture.TenantId,
        4 => g.Pick(TokenServiceFixture.TenantDomain, "common", "organizations", "consumers"),
        5 => Guid.NewGuid().ToString(),
        6 => g.Pick("unknown.onmicrosoft.com", "contoso.onmicrosoft.com.", "CONTOSO.ONMICROSOFT.COM", "11111111111141118111111111111111", "9188040d-6c67-4c5b-b112-36a304b66dad"),
        _ => g.OddId(),
    };

    public HostileRequest Next() => g.Next(10) switch
    {
        < 5 => Token(),
        5 => Authorize(),
        6 => DeviceCode(),
        7 => Logout(),
        _ => Metadata(),
    };

    private HostileRequest Token()
    {
        var pairs = new List<(string, string)>();
        if (!g.Chance(0.05))
        {
            pairs.Add(("grant_type", g.Chance(0.85) ? g.Pick(GrantTypes) : g.Text()));
        }

        // The real app with its real secret gets garbage in everything else; wrong credentials go to the decoy or to
        // no app at all, so that the real app is never locked out and its requests reach the parameters behind authentication.
        switch (g.Next(6))
        {
            case < 3:
                pairs.Add(("client_id", tenant.App.AppId));
                pairs.Add(("client_secret", tenant.App.Secret));
                break;
            case 3:
                pairs.Add(("client_id", tenant.Decoy.AppId));
                pairs.Add(("client_secret", g.Chance(0.5) ? g.Text() : tenant.App.Secret));
                break;
            case 4:
                pairs.Add(("client_id", g.Pick(tenant.Decoy.AppId, Guid.NewGuid().ToString(), g.Text())));
                pairs.Add(("client_assertion_type", g.Pick("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "", g.Text())));
                pairs.Add(("client_assertion", ClientAssertion()));
                break;
            default:
                if (g.Chance(0.5))
                {
                    pairs.Add(("client_id", g.Text()));
                }

                break;
        }

        AddGrantParameters(pairs);
        if (g.Chance(0.15))
        {
            var (key, _) = g.Pick<(string, string)>(pairs.Count > 0 ? pairs : [("grant_type", "")]);
            pairs.Add((key, g.Text()));
        }

        if (g.Chance(0.05))
        {
            pairs.Add((g.Text(), g.Text()));
        }

        var v1 = g.Chance(0.3);
        var body = g.Form(pairs);
        var contentType = g.Next(10) switch
        {
            < 7 => "application/x-www-form-urlencoded",
            7 => g.Pick("application/json", "multipart/form-data", "text/plain", "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=nope"),
            8 => "multipart/form-data; boundary=" + g.Pick("x", "", new string('b', 200)),
            _ => null,
        };
        var method = g.Chance(0.05) ? g.Pick("GET", "PUT", "DELETE", "PATCH") : "POST";
        return new HostileRequest("token", method, $"/{Tenant()}/oauth2/{(v1 ? "" : "v2.0/")}token", [], body, contentType);
    }

    private void AddGrantParameters(List<(string, string)> pairs)
    {
        var scope = g.Next(5) switch
        {
            0 => "https://graph.microsoft.com/.default",
            1 => g.Pick("openid profile offline_access User.Read", ".default", "https://graph.microsoft.com/.default https://contoso.crm.dynamics.com/.default", "//.default", "https://management.core.windows.net//.default"),
            2 => string.Join(' ', Enumerable.Range(0, g.Next(1, 400)).Select(_ => g.RandomChars(8))),
            _ => g.Text(),
        };
        pairs.Add((g.Chance(0.2) ? "resource" : "scope", scope));
        foreach (var name in g.Pick<string[]>(
            ["code", "redirect_uri", "code_verifier"], ["refresh_token"], ["username", "password"], ["device_code"], ["assertion", "requested_token_use"],
            ["code", "code_verifier"], ["claims"], ["client_info", "x-client-SKU"]))
        {
            pairs.Add((name, Value(name)));
        }
    }

    private string Value(string name) => name switch
    {
        "redirect_uri" => g.Pick(DelegatedSignIn.RedirectUri, "https://localhost/callback/../evil", "javascript:alert(1)", "http://[::1", g.Text()),
        "code_verifier" => g.Pick("short", new string('a', 129), new string('~', 43) + "!", "é" + new string('a', 50), g.Text()),
        "refresh_token" => Corrupt(tenant.RefreshToken),
        "username" => g.Pick(tenant.Upn, "nobody@contoso.onmicrosoft.com", "@", "a@b@c", g.Text()),
        "password" => g.Text(),
        "assertion" => g.BadToken(tenant.GraphToken),
        "claims" => g.Pick("{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}", "{", "[]", g.Text()),
        _ => g.Text(),
    };

    /// <summary>A real refresh token with one thing wrong, so that no request ever redeems it.</summary>
    private string Corrupt(string token) => g.Next(4) switch
    {
        0 => token[..(token.Length / 2)],
        1 => token + g.RandomChars(3),
        2 => new string(token.Reverse().ToArray()),
        _ => g.Text(),
    };

    private string ClientAssertion() => g.Next(4) switch
    {
        0 => g.BadToken(tenant.GraphToken),
        1 => $"{Garbage.B64("{\"alg\":\"RS256\",\"x5t\":\"" + g.RandomChars(10) + "\"}")}.{Garbage.B64("{\"aud\":\"x\",\"iss\":\"" + tenant.Decoy.AppId + "\",\"sub\":\"" + tenant.Decoy.AppId + "\",\"exp\":99999999999999999999,\"jti\":" + g.WrongJsonValue() + "}")}.{Garbage.B64(g.RandomChars(64))}",
        2 => $"{Garbage.B64("{\"alg\":\"PS256\",\"x5c\":[\"" + g.RandomChars(30) + "\"],\"x5t#S256\":" + g.WrongJsonValue() + "}")}.{Garbage.B64("{}")}.{Garbage.B64("sig")}",
        _ => g.Text(),
    };

    private HostileRequest Authorize()
    {
        var pairs = new List<(string, string)>
        {
            ("client_id", g.Pick(tenant.App.AppId, tenant.Decoy.AppId, Guid.NewGuid().ToString(), g.Text())),
            ("response_type", g.Pick("code", "id_token", "token", "code id_token", "none", "code code", g.Text())),
            ("redirect_uri", Value("redirect_uri")),
            ("scope", g.Pick("openid", "openid profile User.Read", g.Text())),
        };
        foreach (var name in new[] { "response_mode", "state", "nonce", "prompt", "code_challenge", "code_challenge_method", "login_hint", "domain_hint", "max_age", "claims", "ui_locales" })
        {
            if (g.Chance(0.35))
            {
                pairs.Add((name, name switch
                {
                    "response_mode" => g.Pick("form_post", "query", "fragment", "web_message", g.Text()),
                    "prompt" => g.Pick("login", "consent", "none", "select_account", "admin_consent", "create", "login login", g.Text()),
                    "code_challenge_method" => g.Pick("S256", "plain", "S512", "", g.Text()),
                    "code_challenge" => g.Pick("abc", new string('A', 43), new string('A', 200), "+/=", g.Text()),
                    "max_age" => g.Pick("-1", "99999999999999999999", "1e400", g.Text()),
                    _ => g.Text(),
                }));
            }
        }

        var path = $"/{Tenant()}/oauth2/{(g.Chance(0.3) ? "" : "v2.0/")}authorize";
        if (g.Chance(0.3))
        {
            return new HostileRequest("authorize", "POST", path, [], g.Form(pairs), g.Pick("application/x-www-form-urlencoded", "text/plain", "application/json"));
        }

        return new HostileRequest("authorize", "GET", path + "?" + Encoding.UTF8.GetString(g.Form(pairs)), []);
    }

    private HostileRequest DeviceCode()
    {
        // The real app only under a tenant that does not exist: with its own tenant, a request the form's damage leaves
        // readable (a byte-order mark on the first name, say) would be a valid one and start a device authorization.
        var realApp = g.Chance(0.2);
        var pairs = new List<(string, string)>
        {
            ("client_id", realApp ? tenant.App.AppId : g.Pick(Guid.NewGuid().ToString(), g.Text(), "", tenant.Decoy.AppId + "x")),
            ("scope", g.Pick("openid", "User.Read offline_access", g.Text())),
        };
        var tenantSegment = realApp ? Guid.NewGuid().ToString() : Tenant();
        return new HostileRequest("devicecode", g.Chance(0.9) ? "POST" : "GET", $"/{tenantSegment}/oauth2/{(g.Chance(0.3) ? "" : "v2.0/")}devicecode", [],
            g.Form(pairs), g.Pick("application/x-www-form-urlencoded", "application/json", "text/plain"));
    }

    private HostileRequest Logout()
    {
        var query = $"post_logout_redirect_uri={g.UrlText()}&state={g.UrlText()}&id_token_hint={Garbage.Escape(g.BadToken(tenant.GraphToken))}&client_id={g.UrlText()}";
        var path = $"/{Tenant()}/oauth2/{(g.Chance(0.3) ? "" : "v2.0/")}logout";
        return g.Chance(0.7)
            ? new HostileRequest("logout", "GET", path + "?" + query, [])
            : new HostileRequest("logout", "POST", path, [], Encoding.UTF8.GetBytes(query), g.Pick("application/x-www-form-urlencoded", "text/plain"));
    }

    private HostileRequest Metadata()
    {
        var tenantSegment = Tenant();
        var path = g.Next(8) switch
        {
            0 => $"/{tenantSegment}/v2.0/.well-known/openid-configuration?appid={g.UrlText()}",
            1 => $"/{tenantSegment}/.well-known/openid-configuration?{g.UrlText()}={g.UrlText()}",
            2 => $"/{tenantSegment}/discovery/v2.0/keys?appid={g.UrlText()}",
            3 => $"/{tenantSegment}/discovery/keys",
            4 => $"/common/discovery/instance?api-version={g.UrlText()}&authorization_endpoint={g.UrlText()}",
            5 => $"/common/userrealm/{g.UrlText()}?api-version={g.UrlText()}",
            6 => $"/{tenantSegment}/v2.0/adminconsent?client_id={g.UrlText()}&redirect_uri={g.UrlText()}&scope={g.UrlText()}&state={g.UrlText()}",
            _ => $"/{tenantSegment}/adminconsent?client_id={g.Pick(tenant.App.AppId, g.UrlText())}&redirect_uri={g.UrlText()}",
        };
        return new HostileRequest("metadata", g.Chance(0.9) ? "GET" : g.Pick("POST", "DELETE", "OPTIONS"), path, []);
    }
}
