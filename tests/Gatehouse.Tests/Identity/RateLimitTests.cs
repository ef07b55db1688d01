using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The abuse limits (README.md, "Security"): a client whose authentication keeps failing, and an address whose
/// sign-ins keep failing, get 429 with Retry-After until the window ends; successes are never limited.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LowLimits limits) : IClassFixture<RateLimitTests.LowLimits>
{
    private const int ClientFailureLimit = 3;
    private const int SignInFailureLimit = 5;

    private TokenServiceFixture Gatehouse => limits.Gatehouse;

    [Fact]
    public async Task After_the_limit_of_wrong_secrets_even_the_right_secret_is_429_AADSTS90055_until_the_window_ends()
    {
        var client = await Gatehouse.RegisterClientAsync("limited");
        var bystander = await Gatehouse.RegisterClientAsync("bystander");
        for (var i = 0; i < ClientFailureLimit; i++)
        {
            using var wrong = await ClientCredentialsAsync(Gatehouse, client.AppId, $"wrong-secret-{i}");
            Assert.Equal(7000215, (await AadstsResponse.ReadAsync(wrong)).Code);
        }

        using var blocked = await ClientCredentialsAsync(Gatehouse, client.AppId, client.Secret);
        var refusal = await AadstsResponse.ReadAsync(blocked);
        var retryAfter = blocked.Headers.RetryAfter?.Delta;
        using var other = await ClientCredentialsAsync(Gatehouse, bystander.AppId, bystander.Secret);

        Assert.Equal(((HttpStatusCode)429, "temporarily_unavailable", 90055), (refusal.Status, refusal.Error, refusal.Code));
        Assert.StartsWith("AADSTS90055: ", refusal.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.InRange(retryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        Gatehouse.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var afterWindow = await ClientCredentialsAsync(Gatehouse, client.AppId, client.Secret);
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    [Fact]
    public async Task Successful_requests_are_never_limited()
    {
        var client = await Gatehouse.RegisterClientAsync("busy");

        for (var i = 0; i < ClientFailureLimit * 10; i++)
        {
            using var response = await ClientCredentialsAsync(Gatehouse, client.AppId, client.Secret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Wrong_passwords_over_many_accounts_from_one_address_get_429_on_the_grant_and_the_sign_in_page()
    {
        using var first = await DelegatedSignIn.CreatePublicAsync(Gatehouse, "spray", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var accounts = new List<string> { first.Upn };
        for (var i = 1; i < SignInFailureLimit; i++)
        {
            var upn = $"sprayed-{i}-{Guid.NewGuid():N}"[..24] + $"@{TokenServiceFixture.TenantDomain}";
            await GatehouseCli.JsonAsync(Gatehouse.Store, "user", "create", "--upn", upn, "--password", $"Sprayed-{Guid.NewGuid():N}", "--display-name", upn);
            accounts.Add(upn);
        }

        foreach (var upn in accounts)
        {
            using var wrong = await PasswordAsync(Gatehouse, first.Client.AppId, upn, "not-the-password");
            Assert.Equal(50126, (await AadstsResponse.ReadAsync(wrong)).Code);
        }

        using var blocked = await PasswordAsync(Gatehouse, first.Client.AppId, first.Upn, first.Password);
        var refusal = await AadstsResponse.ReadAsync(blocked);
        var (_, signInPage) = await first.OpenPageAsync("/signin");
        using var page = await first.SubmitAsync("/signin", signInPage, new Dictionary<string, string> { ["Username"] = first.Upn, ["Password"] = first.Password });

        Assert.Equal(((HttpStatusCode)429, "invalid_grant", 50053), (refusal.Status, refusal.Error, refusal.Code));
        Assert.NotNull(blocked.Headers.RetryAfter?.Delta);
        Assert.Equal((HttpStatusCode)429, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter?.Delta);
        Assert.Contains("too many failed sign-ins", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Gatehouse.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var afterWindow = await PasswordAsync(Gatehouse, first.Client.AppId, first.Upn, first.Password);
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    [Fact]
    public async Task With_no_rate_limits_repeated_failures_are_never_429()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(
            TestStore.Sqlite(), ownProcess: false, arguments: ["--no-rate-limits", "--client-failure-limit", "1", "--sign-in-failure-limit", "1"]);
        var client = await gatehouse.RegisterClientAsync("unlimited");
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "unlimited-ropc", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        for (var i = 0; i < 5; i++)
        {
            using var wrongSecret = await ClientCredentialsAsync(gatehouse, client.AppId, $"wrong-secret-{i}");
            using var wrongPassword = await PasswordAsync(gatehouse, flow.Client.AppId, flow.Upn, $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        }

        using var rightSecret = await ClientCredentialsAsync(gatehouse, client.AppId, client.Secret);
        using var rightPassword = await PasswordAsync(gatehouse, flow.Client.AppId, flow.Upn, flow.Password);

        Assert.Equal(HttpStatusCode.OK, rightSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
    }

    private static Task<HttpResponseMessage> ClientCredentialsAsync(TokenServiceFixture gatehouse, string appId, string secret) =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId,
            [new("grant_type", "client_credentials"), new("client_id", appId), new("client_secret", secret), new("scope", "https://graph.microsoft.com/.default")]);

    private static Task<HttpResponseMessage> PasswordAsync(TokenServiceFixture gatehouse, string appId, string upn, string password) =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = appId,
            ["username"] = upn,
            ["password"] = password,
            ["scope"] = "User.Read openid profile offline_access",
        });

    /// <summary>A server whose limits are low enough to reach in a few requests.</summary>
    public sealed class LowLimits : IAsyncLifetime
    {
        public TokenServiceFixture Gatehouse { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), new Dictionary<string, string>
            {
                ["GATEHOUSE_CLIENT_FAILURE_LIMIT"] = $"{ClientFailureLimit}",
                ["GATEHOUSE_SIGN_IN_FAILURE_LIMIT"] = $"{SignInFailureLimit}",
            });

        public ValueTask DisposeAsync() => Gatehouse.DisposeAsync();
    }
}
