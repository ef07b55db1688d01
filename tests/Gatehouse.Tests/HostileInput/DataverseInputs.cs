using System.Text;

namespace Gatehouse.Tests.HostileInput;

/// <summary>
/// Malformed requests to the Dataverse Web API: $filter numbers that overflow every type, bad GUIDs and keys, broken
/// $batch multipart, malformed and mistyped bodies, odd Prefer headers; most with a real application user's token.
/// </summary>
internal sealed class DataverseInputs(Garbage g, HostileTenant tenant)
{
    private static readonly string[] Sets = ["accounts", "contacts", "leads", "opportunities", "systemusers", "roles", "systemuserrolescollection"];

    private static readonly string[] Filters =
    [
        "revenue gt 1e400", "revenue gt -1e400", "revenue eq 99999999999999999999999999999999", "statecode eq 99999999999", "statecode eq -99999999999",
        "numberofemployees gt 2147483648", "numberofemployees eq 99999999999999999999999999999999", "revenue gt 1.7976931348623157E+309",
        "revenue eq 0.00000000000000000000000000000000000001", "revenue gt 79228162514264337593543950336", "statecode eq 1.5", "statecode eq 'x'",
        "accountid eq 11111111-1111-4111-8111-11111111111", "accountid eq not-a-guid", "_primarycontactid_value eq 'x'",
        "createdon gt 9999-99-99", "createdon gt 2020-01-01T25:61:00Z", "modifiedon le 0001-01-01T00:00:00-14:00", "name eq", "contains(name,",
        "name eq 'unterminated", "Microsoft.Dynamics.CRM.Today(PropertyName='createdon')", "Microsoft.Dynamics.CRM.In(PropertyName='statecode',PropertyValues=['1e400'])",
        "nope eq 1", "revenue gt 1e-400", "revenue gt 1e", "revenue gt --1", "revenue gt 0x10", "statecode eq 1 eq 2", "(((((((((((", "not not not",
        "estimatedvalue ge 922337203685477.5808", "budgetamount gt -79228162514264337593543950336",
    ];

    public HostileRequest Next()
    {
        var version = g.Chance(0.85) ? "/api/data/v9.2" : g.Pick("/api/data/v9.0", "/api/data/v9.1", "/api/data/v8.2", "/api/data/" + g.UrlText());
        var headers = new List<(string, string)>
        {
            g.Chance(0.8) ? ("Authorization", $"Bearer {tenant.DataverseToken}")
                : ("Authorization", g.Chance(0.2) ? $"Bearer {tenant.GraphToken}" : g.BadAuthorization(tenant.DataverseToken)),
        };
        if (g.Chance(0.3))
        {
            headers.Add(("Prefer", g.Pick("odata.maxpagesize=abc", "odata.maxpagesize=-1", "odata.maxpagesize=99999999999", "odata.maxpagesize=1e400",
                "odata.include-annotations=\"", "return=representation", "odata.maxpagesize", ",,,", g.HeaderText())));
        }

        if (g.Chance(0.1))
        {
            headers.Add((g.Pick("OData-MaxVersion", "OData-Version", "If-Match", "If-None-Match", "MSCRMCallerID", "CallerObjectId", "MSCRM.SuppressDuplicateDetection"), g.HeaderText()));
        }

        return g.Next(10) switch
        {
            < 4 => new HostileRequest("dataverse", "GET", $"{version}/{g.Pick(Sets)}{Query()}", headers),
            4 => new HostileRequest("dataverse", g.Pick("GET", "DELETE"), $"{version}/{Key()}{(g.Chance(0.3) ? Query() : "")}", headers),
            5 or 6 => Batch(version, headers),
            7 => new HostileRequest("dataverse", g.Pick("GET", "POST", "PUT", "PATCH"), $"{version}/{g.Pick("$metadata", "WhoAmI", "WhoAmI()", "", "EntityDefinitions", "$batch", g.UrlText())}{(g.Chance(0.3) ? Query() : "")}", headers),
            _ => Write(version, headers),
        };
    }

    private string Key() => g.Next(6) switch
    {
        0 => $"{g.Pick(Sets)}({g.OddId()})",
        1 => $"{g.Pick(Sets)}({g.Pick("", "(", "'", "name='x'", "accountid=", "11111111-1111-4111-8111-11111111111", "{11111111-1111-4111-8111-111111111111}", "1e400")})",
        2 => $"{g.Pick(Sets)}({Guid.NewGuid()})/{g.Pick("primarycontactid", "nope", "$ref", "contact_customer_accounts", g.UrlText())}",
        3 => $"{g.Pick(Sets)}({Guid.NewGuid()})/{g.UrlText()}/{g.UrlText()}",
        4 => $"{g.UrlText()}({Guid.NewGuid()})",
        _ => $"{g.Pick(Sets)}{g.Pick("(", ")", "()", "(()", "/", "%28", "(name='x',y=)")}",
    };

    private string Query()
    {
        var options = new List<string>();
        if (g.Chance(0.7))
        {
            options.Add("$filter=" + Garbage.Escape(g.Chance(0.8) ? g.Pick(Filters) : g.Text()));
        }

        foreach (var (name, values) in new (string, string[])[]
        {
            ("$select", ["name,,revenue", "nope", "*", "name,name", "_primarycontactid_value/x"]),
            ("$orderby", ["revenue sideways", "nope desc", "name,", "revenue desc desc"]),
            ("$top", ["-1", "0", "99999999999", "1e400", "abc", "5001"]),
            ("$expand", ["primarycontactid($select=)", "nope", "primarycontactid($expand=parentcustomerid_account($expand=primarycontactid))", "primarycontactid($filter=)", "*"]),
            ("$count", ["maybe", "true"]),
            ("$skiptoken", ["%3Ccookie%20pagenumber=%221e400%22/%3E", "abc", Garbage.B64("{}")]),
            ("$apply", ["groupby((name))", "aggregate(revenue with sum as total)", "garbage("]),
            ("fetchXml", ["<fetch", "%3Cfetch%3E%3C/fetch%3E"]),
        })
        {
            if (g.Chance(0.2))
            {
                options.Add(name + "=" + Garbage.Escape(g.Chance(0.75) ? g.Pick(values) : g.Text()));
            }
        }

        return options.Count == 0 ? "" : "?" + string.Join('&', options);
    }

    /// <summary>Creates and updates whose bodies are malformed, or well-formed but with a value no column takes.</summary>
    private HostileRequest Write(string version, List<(string, string)> headers)
    {
        var (method, path) = g.Chance(0.5)
            ? ("POST", g.Pick(Sets))
            : (g.Pick("PATCH", "PUT"), $"{g.Pick(Sets)}({g.Pick(Guid.NewGuid().ToString(), g.OddId())}){(g.Chance(0.2) ? "/" + g.Pick("name", "revenue", "primarycontactid/$ref") : "")}");
        var body = g.Chance(0.5) ? g.MalformedJson() : Encoding.UTF8.GetBytes(g.Pick(
            "{\"name\":\"Hostile\",\"revenue\":1e400}", "{\"name\":\"Hostile\",\"revenue\":\"abc\"}", "{\"name\":\"Hostile\",\"statecode\":99999999999}",
            "{\"name\":\"Hostile\",\"numberofemployees\":2147483648}", "{\"name\":\"Hostile\",\"primarycontactid@odata.bind\":\"/contacts(not-a-guid)\"}",
            "{\"name\":\"Hostile\",\"primarycontactid@odata.bind\":12}", "{\"name\":{\"nested\":1}}", "{\"name\":\"Hostile\",\"nope\":1}",
            "{\"lastname\":\"Hostile\",\"birthdate\":\"9999-99-99\"}", "{\"subject\":\"Hostile\",\"estimatedvalue\":-79228162514264337593543950336}",
            "{\"name\":\"Hostile\",\"revenue\":79228162514264337593543950336}", "{\"name\":\"Hostile\",\"accountid\":\"not-a-guid\"}",
            "{\"name\":\"Hostile\",\"createdon\":\"2020-01-01T25:61:00Z\"}", "{\"name\":\"Hostile\",\"parentcustomerid_account@odata.bind\":\"accounts(" + Guid.NewGuid() + ")\",\"x\":[]}",
            "{\"name\":\"Hostile\",\"revenue\":12.5,\"revenue\":\"dup\"}", "[{\"name\":\"Hostile\"}]", "\"Hostile\"", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.nope\",\"name\":1}"));
        return new HostileRequest("dataverse", method, $"{version}/{path}", headers, body, g.ContentTypeFor("application/json"));
    }

    /// <summary>A $batch that is broken: no boundary, the wrong boundary, truncated parts, nested change sets gone wrong, parts that are themselves bad requests.</summary>
    private HostileRequest Batch(string version, List<(string, string)> headers)
    {
        var boundary = "batch_" + g.RandomChars(8).Replace("\"", "", StringComparison.Ordinal).Replace(";", "", StringComparison.Ordinal);
        var contentType = g.Next(6) switch
        {
            0 => "multipart/mixed",
            1 => "multipart/mixed; boundary=",
            2 => "multipart/mixed; boundary=" + new string('b', 200),
            3 => g.Pick("application/json", "text/plain", "multipart/mixed; boundary=\"unterminated", "multipart/mixed; boundary=" + boundary + "; boundary=x"),
            _ => "multipart/mixed; boundary=" + boundary,
        };
        var part = g.Next(8) switch
        {
            0 => "Content-Type: application/http\r\n\r\nGET\r\n\r\n",
            1 => "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET " + version + "/accounts?$filter=" + Garbage.Escape(g.Pick(Filters)) + " HTTP/1.1\r\n\r\n",
            2 => "Content-Type: application/http\r\n\r\nPOST " + version + "/accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\":\r\n",
            3 => "Content-Type: multipart/mixed; boundary=changeset_x\r\n\r\n--changeset_x\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\nPATCH " + version + "/accounts(" + g.OddId() + ") HTTP/1.1\r\n\r\n{\"revenue\":1e400}\r\n",
            4 => "Content-Type: application/http\r\n\r\nGET " + g.UrlText() + " HTTP/9.9\r\n" + g.HeaderText() + "\r\n\r\n",
            5 => "Content-Type: application/http\r\n\r\nDELETE https://evil.example/api/data/v9.2/accounts(" + Guid.NewGuid() + ") HTTP/1.1\r\n\r\n",
            6 => "Content-Type: application/http\r\n\r\nGET $1/nope HTTP/1.1\r\n\r\n",
            _ => g.Text(),
        };
        var body = g.Next(5) switch
        {
            0 => $"--{boundary}\r\n{part}",
            1 => $"--{boundary}\r\n{part}\r\n--{boundary}--\r\n",
            2 => string.Concat(Enumerable.Repeat($"--{boundary}\r\n{part}\r\n", g.Next(2, 300))) + $"--{boundary}--",
            3 => $"--other\r\n{part}\r\n--other--",
            _ => g.Text(),
        };
        return new HostileRequest("dataverse", "POST", $"{version}/$batch", headers, Encoding.UTF8.GetBytes(body), contentType);
    }
}
