using System.Net;
using System.Text.RegularExpressions;

namespace Gatehouse.Tests.ApiDocs;

/// <summary>
/// The Scalar page at /elements/api-v2/docs is served entirely by Gatehouse: its scripts come from this origin and run
/// under a policy that admits no other, so opening it sends nothing beyond the server.
/// </summary>
public sealed partial class ApiReferencePageTests(OpenApiDocumentTests.Server server) : IClassFixture<OpenApiDocumentTests.Server>
{
    [Fact]
    public async Task The_page_loads_only_same_origin_scripts_under_a_policy_that_admits_no_other_origin()
    {
        var gatehouse = await server.StartedAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var response = await gatehouse.Http.GetAsync(new Uri("/elements/api-v2/docs/", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("http", policy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("font-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var nonce = NonceSource().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);

        var scripts = ScriptTag().Matches(html).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal);
            if (ScriptSource().Match(script.Value) is { Success: true } source)
            {
                var url = new Uri(response.RequestMessage!.RequestUri!, source.Groups[1].Value);
                Assert.Equal(gatehouse.Server.BaseAddress.Authority, url.Authority);
                using var asset = await gatehouse.Http.GetAsync(url, cancellationToken);
                Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
                Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("elements/api-v2/openapi.json", html, StringComparison.Ordinal);
        Assert.Contains("admin/openapi.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        using var again = await gatehouse.Http.GetAsync(new Uri("/elements/api-v2/docs/", UriKind.Relative), cancellationToken);
        Assert.NotEqual(policy, Assert.Single(again.Headers.GetValues("Content-Security-Policy")));
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("src=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex("'nonce-([0-9a-f]+)'")]
    private static partial Regex NonceSource();
}
