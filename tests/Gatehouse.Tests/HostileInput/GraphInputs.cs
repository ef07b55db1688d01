using System.Text;

namespace Gatehouse.Tests.HostileInput;

/// <summary>
/// Malformed requests to Microsoft Graph: bad bearer tokens, OData query garbage on every list, odd IDs, and bodies that
/// are malformed, of the wrong types or of the wrong content type on every write. Most carry a real token, so that
/// they reach the parsers behind the gate.
/// </summary>
internal sealed class GraphInputs(Garbage g, HostileTenant tenant)
{
    private static readonly string[] Filters =
    [
        "displayName eq", "startswith(displayName,", "displayName eq 'unterminated", "id in ()", "id in ('a',", "createdDateTime gt 9999-99-99",
        "accountEnabled eq 2", "1 eq 1", "displayName eq 1e400", "displayName eq 99999999999999999999999999999999", "not", "and and",
        "assignedLicenses/any(x:x/skuId eq 00000000-0000-0000-0000-000000000000)", "signInActivity/lastSignInDateTime le 2020-01-01T00:00:00Z",
        "displayName eq null", "userType in ('Member','Guest'", "employeeHireDate ge 2020-13-45", "createdDateTime ge 2020-01-01T25:61:00Z",
        "startswith(displayName, 'a') and (", "endswith(mail,'x') or or", "displayName eq 'O''Brien'''", "mail eq '\u00e9\ud83d\ude00'",
        "proxyAddresses/any(p:startswith(p, 'smtp:'))", "members/$count eq 1e400", "id eq 11111111-1111-4111-8111-11111111111",
        "createdDateTime ge 2020-01-01T00:00:00+99:00", "accountEnabled eq true eq false", "displayName lt 'a' lt 'b'",
        "contains(displayName,'a')", "tolower(displayName) eq 'a'", "length(displayName) gt 2147483648", "appId eq 'x'/", "()",
        "displayName eq '%'", "displayName eq '\\''", "displayName in ('" + new string('a', 5000) + "')",
    ];

    private static readonly string[] Lists =
    [
        "users", "groups", "applications", "servicePrincipals", "devices", "directoryRoles", "domains", "organization", "oauth2PermissionGrants",
        "users/$count", "groups/$count", "applications/$count", "servicePrincipals/$count", "devices/$count", "me", "me/memberOf",
        "me/calendar/events", "me/events", "me/calendars", "me/calendarView", "me/appRoleAssignments",
    ];

    public HostileRequest Next()
    {
        var version = g.Chance(0.8) ? "/v1.0" : "/beta";
        var headers = new List<(string, string)> { Authorization() };
        if (g.Chance(0.3))
        {
            headers.Add(("ConsistencyLevel", g.Pick("eventual", "", g.HeaderText())));
        }

        if (g.Chance(0.1))
        {
            headers.Add(("Prefer", g.HeaderText()));
        }

        return g.Next(10) switch
        {
            < 4 => new HostileRequest("graph", "GET", version + "/" + List() + Query(), headers),
            4 => new HostileRequest("graph", g.Pick("GET", "DELETE"), version + "/" + ById(), headers),
            _ => Write(version, headers),
        };
    }

    private (string, string) Authorization() => g.Next(10) switch
    {
        < 6 => ("Authorization", $"Bearer {tenant.GraphToken}"),
        6 => ("Authorization", $"Bearer {tenant.DelegatedToken}"),
        7 => ("Authorization", $"Bearer {g.Pick(tenant.DataverseToken, tenant.ArmToken, tenant.PortalToken)}"),
        _ => ("Authorization", g.BadAuthorization(tenant.GraphToken)),
    };

    private string List() => g.Chance(0.85) ? g.Pick(Lists) : g.Pick(
        $"users/{tenant.UserId}/memberOf", $"users/{tenant.UserId}/calendar/events", $"users/{tenant.UserId}/calendarView", $"users/{tenant.UserId}/appRoleAssignments",
        $"groups/{g.OddId()}/members", $"groups/{g.OddId()}/owners", $"applications/{tenant.AppObjectId}/owners", $"servicePrincipals(appId='{tenant.App.AppId}')/appRoleAssignedTo",
        $"directoryRoles/{g.OddId()}/members", $"users/{tenant.UserId}/manager");

    private string ById() => g.Next(8) switch
    {
        0 => $"users/{g.OddId()}",
        1 => $"groups/{g.OddId()}",
        2 => $"applications(appId='{g.OddId()}')",
        3 => $"servicePrincipals(appId='{g.OddId()}')",
        4 => $"devices(deviceId='{g.OddId()}')",
        5 => $"directoryRoles(roleTemplateId='{g.OddId()}')",
        6 => $"{g.Pick("domains", "organization", "oauth2PermissionGrants", "devices", "applications", "servicePrincipals")}/{g.OddId()}",
        _ => $"{g.UrlText()}/{g.UrlText()}",
    } + (g.Chance(0.3) ? Query() : "");

    private string Query()
    {
        var options = new List<string>();
        if (g.Chance(0.6))
        {
            options.Add("$filter=" + Garbage.Escape(g.Chance(0.8) ? g.Pick(Filters) : g.Text()));
        }

        foreach (var (name, values) in new (string, string[])[]
        {
            ("$select", ["id,,displayName", "*", "nope", "id,id", "displayName/x", "manager($select=id)"]),
            ("$orderby", ["displayName desc desc", "nope", "displayName,", "displayName sideways", "id asc, displayName desc, x"]),
            ("$top", ["-1", "0", "1000000", "99999999999999999999", "1e400", "abc", "1.5", ""]),
            ("$skiptoken", ["x", "%%%", "eyJ9", "AAAAAAAA", new string('Q', 4000), Garbage.B64("{\"k\":[1e400]}"), Garbage.B64("[null]")]),
            ("$expand", ["members($select=)", "nope", "manager($levels=max)", "members($expand=members($expand=members))", "owners($top=-1)", "*"]),
            ("$search", ["\"displayName:", "displayName:a", "\"\"", "\"mail:" + new string('a', 3000) + "\""]),
            ("$count", ["maybe", "true", "1"]),
            ("$skip", ["-5", "abc"]),
        })
        {
            if (g.Chance(0.25))
            {
                options.Add(name + "=" + Garbage.Escape(g.Chance(0.75) ? g.Pick(values) : g.Text()));
            }
        }

        if (g.Chance(0.1))
        {
            options.Add(g.Pick("$filter=a&$filter=b", "$top=1&$top=2", "$=x", "$unknown=1", "%24filter=x", "$FILTER=id eq 'x'"));
        }

        return options.Count == 0 ? "" : "?" + string.Join('&', options);
    }

    /// <summary>
    /// A write whose body is broken, of the wrong shape, or sent as the wrong content type. To a real object (or one
    /// where an empty body is a valid request, such as a new event) the body is always malformed JSON, so that no
    /// request the generator makes is a valid change.
    /// </summary>
    private HostileRequest Write(string version, List<(string, string)> headers)
    {
        var (method, path, fields) = g.Next(16) switch
        {
            0 => ("POST", "users", new[] { "accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile" }),
            1 => ("POST", "groups", ["displayName", "mailEnabled", "securityEnabled", "mailNickname", "members@odata.bind", "owners@odata.bind"]),
            2 => ("POST", "applications", ["displayName", "signInAudience", "web", "requiredResourceAccess", "appRoles", "api", "keyCredentials"]),
            3 => ("POST", "servicePrincipals", ["appId", "accountEnabled", "tags"]),
            4 => ("POST", "devices", ["accountEnabled", "alternativeSecurityIds", "deviceId", "displayName", "operatingSystem"]),
            5 => ("POST", "domains", ["id", "isDefault"]),
            6 => ("POST", "oauth2PermissionGrants", ["clientId", "consentType", "principalId", "resourceId", "scope"]),
            7 => ("POST", $"applications/{g.OddId()}/{g.Pick("addPassword", "addKey", "removePassword", "removeKey")}", ["passwordCredential", "keyCredential", "keyId", "proof"]),
            8 => ("POST", $"groups/{g.OddId()}/{g.Pick("members", "owners")}/$ref", ["@odata.id"]),
            9 => ("PUT", $"users/{g.OddId()}/manager/$ref", ["@odata.id"]),
            10 => ("POST", g.Pick("me/checkMemberGroups", "me/getMemberGroups"), ["groupIds", "securityEnabledOnly"]),
            11 => ("PATCH", $"users/{g.OddId()}", ["displayName", "accountEnabled", "passwordProfile", "usageLocation", "businessPhones", "employeeHireDate"]),
            12 => ("PATCH", g.Pick($"groups/{g.OddId()}", $"devices/{g.OddId()}", $"oauth2PermissionGrants/{g.OddId()}", $"me/events/{g.OddId()}", $"applications/{g.OddId()}"), ["displayName", "web", "scope", "accountEnabled", "subject", "start"]),
            13 => ("POST", $"servicePrincipals/{g.OddId()}/appRoleAssignedTo", ["principalId", "resourceId", "appRoleId"]),
            14 => ("POST", $"directoryRoles/{g.OddId()}/members/$ref", ["@odata.id"]),
            _ => (g.Pick("PATCH", "POST"), g.Pick("me", $"users/{tenant.UserId}", $"applications/{tenant.AppObjectId}", $"applications/{tenant.AppObjectId}/addPassword", "me/events", $"users/{tenant.UserId}/calendar/events", $"users/{tenant.UserId}/manager/$ref"), []),
        };
        var body = fields.Length == 0 || g.Chance(0.45) ? g.MalformedJson() : WrongTypes(fields);
        return new HostileRequest("graph", method, $"{version}/{path}", headers, body, g.ContentTypeFor("application/json"));
    }

    /// <summary>Well-formed JSON in which every field has a value of the wrong type.</summary>
    private byte[] WrongTypes(string[] fields)
    {
        var json = new StringBuilder("{");
        foreach (var field in fields.Where(_ => g.Chance(0.7)).DefaultIfEmpty(fields[0]))
        {
            json.Append('"').Append(field).Append("\":").Append(g.WrongJsonValue()).Append(',');
        }

        if (g.Chance(0.2))
        {
            json.Append("\"@odata.type\":\"#microsoft.graph.").Append(g.RandomChars(5).Replace("\"", "", StringComparison.Ordinal)).Append("\",");
        }

        json.Length--;
        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }
}
