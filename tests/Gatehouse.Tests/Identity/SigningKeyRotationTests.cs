using System.Diagnostics;
using Gatehouse.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Tests.Identity;

/// <summary>`gatehouse keys rotate` switches signing to a new key while the old one keeps validating the tokens it signed.</summary>
public sealed class SigningKeyRotationTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task A_rotated_key_stays_published_so_tokens_it_signed_still_validate()
    {
        var client = await gatehouse.RegisterClientAsync("rotation", ("Microsoft Graph", "User.Read.All"));
        var ct = TestContext.Current.CancellationToken;
        var before = (await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(ct)).AccessToken;

        var rotated = await GatehouseCli.JsonAsync(gatehouse.Store, "keys", "rotate");
        var newKid = rotated.GetProperty("kid").GetString()!;
        Assert.NotEqual(Jwt.Read(before).Kid, newKid);

        var keys = await WaitForKeysAsync(newKid);
        var after = (await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"])
            .WithForceRefresh(true).ExecuteAsync(ct)).AccessToken;
        Assert.Equal(newKid, Jwt.Read(after).Kid);

        foreach (var token in new[] { before, after })
        {
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
            {
                IssuerSigningKeys = keys.GetSigningKeys(),
                ValidIssuer = $"{gatehouse.BaseUrl}/{TokenServiceFixture.TenantId}/",
                ValidAudience = "https://graph.microsoft.com",
            });
            Assert.True(result.IsValid, result.Exception?.Message);
        }

        var listed = await GatehouseCli.JsonAsync(gatehouse.Store, "keys", "list");
        Assert.Equal(["active", "retired"], listed.GetProperty("value").EnumerateArray().Select(k => k.GetProperty("status").GetString()));
    }

    private async Task<JsonWebKeySet> WaitForKeysAsync(string kid)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = await gatehouse.Http.GetStringAsync(new Uri($"/{TokenServiceFixture.TenantId}/discovery/keys", UriKind.Relative), TestContext.Current.CancellationToken);
            var set = new JsonWebKeySet(json);
            if (set.Keys.Any(k => k.Kid == kid))
            {
                Assert.Equal(2, set.Keys.Count);
                return set;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "The new key was not published within a second.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
