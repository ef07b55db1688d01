using System.Diagnostics;
using System.Security.Cryptography;

namespace Gatehouse.Bench;

/// <summary>
/// The ceiling the token endpoint is held against: how many RS256 signatures one core makes with the platform's crypto
/// (OpenSSL on Linux), the one expensive step of minting a token.
/// </summary>
internal static class SignRate
{
    public const int FullMeasurementSeconds = 5;

    /// <summary>About the length of the base64url header.payload RS256 signs in the bench's Microsoft Graph app-only v1.0 tokens.</summary>
    public const int SigningInputBytes = 1024;

    /// <summary>Signs on the calling thread for a fifth of <paramref name="duration"/> to warm up, then for <paramref name="duration"/>.</summary>
    public static SignRateResult Measure(TimeSpan duration)
    {
        using var rsa = RSA.Create(2048);
        var input = new byte[SigningInputBytes];
        input.AsSpan().Fill((byte)'e');
        SignFor(rsa, input, duration / 5);
        var (signatures, elapsed) = SignFor(rsa, input, duration);
        return new SignRateResult(signatures / elapsed.TotalSeconds, elapsed);
    }

    private static (long Signatures, TimeSpan Elapsed) SignFor(RSA rsa, byte[] input, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long signatures = 0;
        while (clock.Elapsed < duration)
        {
            rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            signatures++;
        }

        return (signatures, clock.Elapsed);
    }
}

internal sealed record SignRateResult(double PerSecond, TimeSpan Measured);
