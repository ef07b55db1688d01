using Orders.Api.Tests;

namespace Gatehouse.Testing.Tests;

/// <summary>Moving the instance's clock: every expiry it checks follows.</summary>
public sealed class DirectoryClockTests(EntraFixture fixture) : IClassFixture<EntraFixture>
{
    private const string GraphScope = "https://graph.microsoft.com/.default";

    [Fact]
    public async Task A_client_secret_past_its_expiry_gets_no_token_and_a_reset_clock_takes_it_back()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var entra = fixture.Entra;
        var app = await entra.RegisterApplicationAsync("Expiring client", cancellationToken: cancellation);
        var added = await entra.RunAsync(["app", "secret", "add", "--app", app.AppId, "--expires", "1y"], cancellation);
        var yearSecret = app with { ClientSecret = added.GetProperty("secretText").GetString()! };
        Assert.NotEmpty(await entra.GetTokenAsync(yearSecret, GraphScope, cancellation));

        await entra.AdvanceClockAsync(TimeSpan.FromDays(400), cancellation);
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => entra.GetTokenAsync(yearSecret, GraphScope, cancellation));
            Assert.Contains("AADSTS7000222", refused.Message, StringComparison.Ordinal);
            Assert.NotEmpty(await entra.GetTokenAsync(app, GraphScope, cancellation));
        }
        finally
        {
            await entra.ResetClockAsync(cancellation);
        }

        Assert.NotEmpty(await entra.GetTokenAsync(yearSecret, GraphScope, cancellation));
    }

    [Fact]
    public async Task Its_certificate_is_trusted_by_its_handler_and_by_nothing_else()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var trusting = fixture.Entra.CreateHttpClient();
        using var plain = new HttpClient { BaseAddress = fixture.Entra.BaseAddress };

        using var healthy = await trusting.GetAsync(new Uri("/healthz", UriKind.Relative), cancellation);

        Assert.True(healthy.IsSuccessStatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(new Uri("/healthz", UriKind.Relative), cancellation));
    }
}
