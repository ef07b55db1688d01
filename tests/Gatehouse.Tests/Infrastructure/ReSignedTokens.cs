using System.Text.Json.Nodes;
using Gatehouse.Hosting;
using Gatehouse.Identity.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// Tokens signed with the server's own active signing key (read from its store, as another node would) but with
/// claims a test chose: the only way to hold a genuinely signed token whose lifetime has already ended.
/// </summary>
internal static class ReSignedTokens
{
    /// <summary>The token's claims with iat, nbf and exp moved back by <paramref name="age"/>, signed again by the server's key.</summary>
    public static async Task<string> AgedAsync(TestStore store, string token, TimeSpan age)
    {
        var claims = JsonNode.Parse(Jwt.Payload(token).GetRawText())!.AsObject();
        foreach (var name in new[] { "iat", "nbf", "exp" })
        {
            claims[name] = claims[name]!.GetValue<long>() - (long)age.TotalSeconds;
        }

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddGatehouseCore(store.Options, store.ReadKeyEncryptionKey())
            .BuildServiceProvider();
        var key = await services.GetRequiredService<SigningKeyRing>().GetActiveAsync(TestContext.Current.CancellationToken);
        return new JsonWebTokenHandler().CreateToken(claims.ToJsonString(), key.CertificateCredentials);
    }
}
