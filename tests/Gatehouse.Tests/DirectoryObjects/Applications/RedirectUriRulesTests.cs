using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.Tests.DirectoryObjects.Applications;

/// <summary>Entra's redirect URI restrictions, per platform (learn.microsoft.com: reply-url restrictions).</summary>
public sealed class RedirectUriRulesTests
{
    [Theory]
    [InlineData("Web", "https://payroll.example.com/signin-oidc")]
    [InlineData("Web", "http://localhost:5000/signin-oidc")]
    [InlineData("Spa", "http://127.0.0.1:3000/")]
    [InlineData("PublicClient", "msal0f5c2b3e-2c4f-4e8e-9d7a-1b2c3d4e5f60://auth")]
    [InlineData("PublicClient", "http://localhost")]
    public void Redirect_uri_meeting_its_platform_rules_is_accepted(string platform, string uri) =>
        Assert.Null(RedirectUriRules.Check(uri, Enum.Parse<RedirectPlatform>(platform)));

    [Theory]
    [InlineData("Web", "http://payroll.example.com/signin-oidc")]
    [InlineData("Spa", "https://*.example.com/")]
    [InlineData("Web", "https://payroll.example.com/#fragment")]
    [InlineData("Web", "signin-oidc")]
    // A rooted path is an absolute file: URI to .NET on Unix; it is not a redirect URI on any platform.
    [InlineData("PublicClient", "/signin-oidc")]
    [InlineData("Web", "/signin-oidc")]
    [InlineData("PublicClient", " https://payroll.example.com/")]
    public void Redirect_uri_breaking_a_rule_is_refused(string platform, string uri) =>
        Assert.NotNull(RedirectUriRules.Check(uri, Enum.Parse<RedirectPlatform>(platform)));
}
