using System.Text;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.HostileInput;

/// <summary>
/// Malformed requests to the smaller surfaces: Azure Resource Manager, the portal's API, the connector hub, the
/// portal's pages and forms, the managed identity endpoints; and oversized headers and bodies anywhere.
/// </summary>
internal sealed class OtherSurfaceInputs(Garbage g, HostileTenant tenant)
{
    public HostileRequest Next() => g.Next(20) switch
    {
        < 2 => Arm(),
        < 4 => PortalApi(),
        < 10 => Hub(),
        < 14 => Portal(),
        < 19 => ManagedIdentity(),
        _ => Oversized(),
    };

    private HostileRequest Arm()
    {
        var authorization = g.Chance(0.6) ? $"Bearer {tenant.ArmToken}" : g.Chance(0.3) ? $"Bearer {tenant.GraphToken}" : g.BadAuthorization(tenant.ArmToken);
        var path = $"/{g.Pick("tenants", "subscriptions", "subscriptions/" + g.OddId(), "tenants/" + g.OddId())}?api-version={g.Pick("2020-01-01", "2022-12-01", "", "9999-99-99", g.UrlText())}{(g.Chance(0.3) ? "&$skiptoken=" + g.UrlText() : "")}";
        return new HostileRequest("arm", g.Chance(0.85) ? "GET" : g.Pick("POST", "PUT", "DELETE"), path, [("Authorization", authorization)]);
    }

    private HostileRequest PortalApi()
    {
        var authorization = g.Chance(0.7) ? $"Bearer {tenant.PortalToken}" : g.BadAuthorization(tenant.PortalToken);
        var path = $"/api/RegisteredApplications/{g.OddId()}/Consent?onBehalfOfAll={g.Pick("true", "false", "maybe", "", g.UrlText())}&checkConsentOnly={g.Pick("true", "1", g.UrlText())}";
        var body = g.Chance(0.5) ? g.MalformedJson() : Encoding.UTF8.GetBytes(g.Pick("{}", "[]", "null", "{\"onBehalfOfAll\":\"x\"}"));
        return new HostileRequest("portalapi", g.Chance(0.9) ? "POST" : "GET", path, [("Authorization", authorization)], body, g.ContentTypeFor("application/json"));
    }

    private HostileRequest Hub()
    {
        var valid = $"User {tenant.HubUserSecret}, Organization {tenant.HubOrganizationSecret}";
        var authorization = g.Next(12) switch
        {
            < 5 => valid,
            5 => valid + ", Element " + g.HeaderText(),
            6 => $"User {tenant.HubUserSecret}",
            7 => $"Organization {tenant.HubOrganizationSecret}, User {tenant.HubUserSecret}, User x",
            8 => g.Pick("User , Organization ", "User,Organization", ",,,", "User", "Element", $"user {tenant.HubUserSecret}, organization {tenant.HubOrganizationSecret}", $"User {tenant.HubUserSecret} Organization {tenant.HubOrganizationSecret}"),
            9 => $"User {g.HeaderText()}, Organization {g.HeaderText()}",
            10 => $"Bearer {tenant.GraphToken}",
            _ => g.HeaderText(),
        };
        var (method, path) = g.Next(9) switch
        {
            0 => ("GET", "/elements"),
            1 => ("GET", $"/elements/{g.Pick("office365", "dynamics365", "OFFICE365", g.UrlText())}"),
            2 => ("GET", $"/elements/{g.Pick("office365", "dynamics365", g.UrlText())}/oauth/url?apiKey={g.UrlText()}&apiSecret={g.UrlText()}&callbackUrl={g.UrlText()}&siteAddress={g.UrlText()}&state={g.UrlText()}&scope={g.UrlText()}"),
            3 => ("GET", $"/instances{(g.Chance(0.5) ? "?where=" + g.UrlText() + "&pageSize=" + g.Pick("-1", "99999999999", "x") : "")}"),
            4 => (g.Pick("GET", "DELETE", "PATCH", "PUT"), $"/instances/{g.Pick("1", "0", "-1", "99999999999999999999", "9223372036854775807", "1e3", g.UrlText())}{g.Pick("", "/enabled")}"),
            5 => ("GET", $"/instances/health?{g.UrlText()}={g.UrlText()}"),
            6 => ("GET", $"/events?{g.UrlText()}={g.UrlText()}"),
            7 => (g.Pick("PUT", "DELETE", "PATCH"), "/instances/enabled"),
            _ => ("POST", "/instances"),
        };
        var headers = new List<(string, string)> { ("Authorization", authorization) };
        if (method is "GET" or "DELETE" && g.Chance(0.8))
        {
            return new HostileRequest("hub", method, HubClient.BasePath + path, headers);
        }

        // Never a well-formed instance: a real one would be made, so the body is broken or names no element.
        var body = g.Chance(0.5) ? g.MalformedJson() : Encoding.UTF8.GetBytes(g.Pick(
            "{\"element\":{\"key\":" + g.WrongJsonValue() + "},\"providerData\":{\"code\":\"x\"},\"name\":\"hostile\"}",
            "{\"element\":\"office365\",\"providerData\":" + g.WrongJsonValue() + "}",
            "{\"element\":{\"key\":\"nope\"},\"configuration\":" + g.WrongJsonValue() + ",\"name\":\"hostile\"}",
            "{\"element\":{\"key\":\"office365\"},\"providerData\":{\"code\":" + g.WrongJsonValue() + "},\"configuration\":{\"oauth.callback.url\":12},\"name\":[]}",
            "{\"enabled\":\"yes\"}", "[]", "null", "{\"element\":null}"));
        return new HostileRequest("hub", method, HubClient.BasePath + path, headers, body, g.ContentTypeFor("application/json"));
    }

    private HostileRequest Portal()
    {
        var page = g.Pick(
            "/signin", "/signin?ReturnUrl=" + g.UrlText(), "/consent?" + g.UrlText(), "/consent/organization?" + g.UrlText(), "/devicelogin", "/devicelogin?code=" + g.UrlText(),
            "/signout", "/denied", "/applications", "/applications/new", $"/applications/{Guid.NewGuid()}", $"/applications/{Guid.NewGuid()}/credentials",
            $"/applications/{g.OddId()}/permissions", "/applications/" + g.OddId(), "/applications?handler=" + g.UrlText());
        if (g.Chance(0.3))
        {
            return new HostileRequest("portal", "GET", page, g.Chance(0.5) ? [("Cookie", g.Chance(0.5) ? tenant.SignInCookie : g.HeaderText())] : []);
        }

        // Forms without their antiforgery token, with a wrong one, or with the right one and garbage in every field.
        var pairs = new List<(string, string)>();
        var token = g.Next(4) switch
        {
            0 => null,
            1 => g.Text(),
            _ => tenant.AntiforgeryToken,
        };
        if (token is not null)
        {
            pairs.Add(("__RequestVerificationToken", token));
        }

        foreach (var field in g.Pick<string[]>(["Username", "Password"], ["UserCode"], ["Accept", "ForOrganization"], ["Name", "SignInAudience", "RedirectUri"], ["handler"]))
        {
            pairs.Add((field, field == "Username" ? g.Pick(tenant.Upn, "nobody@contoso.onmicrosoft.com", g.Text()) : g.Text()));
        }

        var headers = new List<(string, string)>();
        if (g.Chance(0.8))
        {
            headers.Add(("Cookie", g.Chance(0.8) ? tenant.SignInCookie : g.HeaderText()));
        }

        // Only the sign-in page gets the real token: a form the portal would accept elsewhere could change the directory.
        var path = token == tenant.AntiforgeryToken ? "/signin" + (g.Chance(0.3) ? "?ReturnUrl=" + g.UrlText() : "") : page;
        return new HostileRequest("portal", "POST", path, headers, g.Form(pairs), g.Pick("application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "application/json"));
    }

    private HostileRequest ManagedIdentity()
    {
        var resource = g.Pick("https://graph.microsoft.com", "https://graph.microsoft.com/", "https://management.azure.com/", "", g.UrlText());
        var identityId = g.Next(5) switch
        {
            0 => "",
            1 => $"&client_id={g.Pick(tenant.Identity.ClientId, g.UrlText())}",
            2 => $"&object_id={g.UrlText()}&principal_id={g.UrlText()}",
            3 => $"&msi_res_id={g.UrlText()}&mi_res_id={g.UrlText()}",
            _ => $"&client_id={g.UrlText()}&client_id={Guid.NewGuid()}",
        };
        if (g.Chance(0.5))
        {
            List<(string, string)> headers = g.Next(3) switch
            {
                0 => [("Metadata", "true")],
                1 => [("Metadata", g.HeaderText())],
                _ => [],
            };
            var path = $"/metadata/identity/oauth2/token?api-version={g.Pick("2018-02-01", "2019-08-01", "", "9999-99-99", g.UrlText())}&resource={resource}{identityId}";
            return new HostileRequest("imds", g.Chance(0.9) ? "GET" : "POST", path, headers);
        }

        List<(string, string)> appService = g.Next(3) switch
        {
            0 => [("X-IDENTITY-HEADER", tenant.Identity.IdentityHeader ?? "")],
            1 => [("X-IDENTITY-HEADER", g.HeaderText())],
            _ => [],
        };
        return new HostileRequest("appservice", g.Chance(0.9) ? "GET" : "POST", $"/msi/token?api-version={g.Pick("2019-08-01", "2017-09-01", "", g.UrlText())}&resource={resource}{identityId}", appService);
    }

    /// <summary>A header past Kestrel's limits, or a body of megabytes, to any surface.</summary>
    private HostileRequest Oversized()
    {
        var path = g.Pick($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", "/v1.0/users", "/api/data/v9.2/accounts", HubClient.BasePath + "/instances", "/signin", "/api/data/v9.2/$batch");
        var authorization = path.StartsWith("/v1.0", StringComparison.Ordinal) ? tenant.GraphToken : tenant.DataverseToken;
        if (g.Chance(0.4))
        {
            return new HostileRequest("oversized", "GET", path, [("Authorization", $"Bearer {authorization}"), ("X-Padding", new string('x', g.Next(40_000, 120_000)))]) { Oversized = true };
        }

        if (g.Chance(0.2))
        {
            return new HostileRequest("oversized", "GET", path + "?$filter=" + new string('(', g.Next(10_000, 40_000)), [("Authorization", $"Bearer {authorization}")]) { Oversized = true };
        }

        var body = new byte[g.Next(2_000_000, 6_000_000)];
        Array.Fill(body, (byte)'a');
        body[0] = (byte)'{';
        return new HostileRequest("oversized", "POST", path, [("Authorization", $"Bearer {authorization}")], body, g.Pick("application/json", "application/x-www-form-urlencoded", "multipart/mixed; boundary=b")) { Oversized = true };
    }
}
