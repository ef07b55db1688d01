using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>Every page a person sees runs only Gatehouse's own script and style and refuses to be framed.</summary>
public sealed class PageHeaderTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Theory]
    [InlineData("signin", HttpStatusCode.OK)]
    [InlineData("devicelogin", HttpStatusCode.OK)]
    [InlineData("11111111-1111-4111-8111-111111111111/oauth2/v2.0/authorize?client_id=not-a-client&response_type=code", HttpStatusCode.BadRequest)]
    public async Task A_page_carries_a_content_security_policy_and_refuses_framing(string path, HttpStatusCode status)
    {
        using var response = await gatehouse.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
