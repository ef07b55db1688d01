namespace Gatehouse.Tests.Infrastructure;

/// <summary>What a browser sends for a single-page app on another origin, and the CORS headers it reads back.</summary>
internal static class CrossOrigin
{
    public const string SpaOrigin = "https://spa.example.test:5173";

    /// <summary>The preflight a browser sends before a call with <paramref name="requestHeaders"/> (comma-separated, lower case as browsers send them).</summary>
    public static HttpRequestMessage Preflight(string url, string method, string requestHeaders)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(url, UriKind.RelativeOrAbsolute));
        request.Headers.Add("Origin", SpaOrigin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", requestHeaders);
        return request;
    }

    /// <summary>The values of a comma-separated response header, or none when it is absent.</summary>
    public static IReadOnlyList<string> List(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
            ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : [];

    /// <summary>Asserts the response lets any origin read it and exposes <paramref name="headers"/>, without credentials.</summary>
    public static void AssertReadable(HttpResponseMessage response, params string[] headers)
    {
        Assert.Equal(["*"], List(response, "Access-Control-Allow-Origin"));
        Assert.Empty(List(response, "Access-Control-Allow-Credentials"));
        var exposed = List(response, "Access-Control-Expose-Headers");
        foreach (var header in headers)
        {
            Assert.Contains(header, exposed, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Asserts a preflight's answer: 2xx, any origin, the API's verbs, every requested header, a max age, no credentials.</summary>
    public static void AssertPreflightAllowed(HttpResponseMessage response, string requestHeaders)
    {
        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}.");
        Assert.Equal(["*"], List(response, "Access-Control-Allow-Origin"));
        Assert.Empty(List(response, "Access-Control-Allow-Credentials"));
        Assert.Superset(new HashSet<string>(["GET", "POST", "PUT", "PATCH", "DELETE"]), new HashSet<string>(List(response, "Access-Control-Allow-Methods")));
        var allowed = List(response, "Access-Control-Allow-Headers");
        foreach (var header in requestHeaders.Split(','))
        {
            Assert.Contains(header, allowed, StringComparer.OrdinalIgnoreCase);
        }

        Assert.Equal(["3600"], List(response, "Access-Control-Max-Age"));
    }
}
