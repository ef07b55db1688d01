namespace Gatehouse.Bench;

/// <summary>The shape of a `tokens` run, from --seconds and --connections.</summary>
internal sealed record TokensPlan(int Connections, TimeSpan WarmUp, TimeSpan Measured, TimeSpan Signing)
{
    public static TokensPlan For(int seconds, int connections) => new(
        connections,
        // Long enough for every connection's TLS handshake and the server's first JIT tiering; CI's 1 s run keeps it at 1 s.
        WarmUp: TimeSpan.FromSeconds(Math.Clamp(seconds / 5.0, 1, 3)),
        Measured: TimeSpan.FromSeconds(seconds),
        Signing: TimeSpan.FromSeconds(Math.Min(seconds, SignRate.FullMeasurementSeconds)));
}
