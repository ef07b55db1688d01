using System.Runtime.InteropServices;

namespace Gatehouse.Bench;

/// <summary>The printed result of a `tokens` run; `sign` prints its sign-rate line alone.</summary>
internal static class TokensReport
{
    public static void Write(TextWriter output, TokensPlan plan, StoreChoice store, LoadResult load, SignRateResult signRate, CpuWindow cpu)
    {
        var latency = LatencyReport.From(load.LatencyTicks);
        var window = load.Window.TotalSeconds;
        var processors = Environment.ProcessorCount;
        output.WriteLine($"Gatehouse client_credentials benchmark ({BuildConfiguration.Name} build, {store.Kind} store)");
        output.WriteLine($"machine          {processors} processors, {CpuModel()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        output.WriteLine($"load             {plan.Connections} connections, HTTP/1.1 keep-alive over TLS, {plan.WarmUp.TotalSeconds:0.0} s warm-up, {window:0.00} s measured");
        output.WriteLine($"tokens/s         {load.TokensPerSecond:0.0} ({load.LatencyTicks.Length} tokens in the window)");
        output.WriteLine($"latency ms       p50 {latency.P50:0.00}  p90 {latency.P90:0.00}  p99 {latency.P99:0.00}  max {latency.Max:0.00}");
        output.WriteLine($"failures         {load.Failures} of {load.Requests} requests in the run, warm-up included");
        output.WriteLine(SignRateLine(signRate));
        output.WriteLine($"tokens/s / sign  {load.TokensPerSecond / signRate.PerSecond:0.000} (the ceiling, every core only signing, is {processors})");
        output.WriteLine($"CPU in window    server {cpu.Server.TotalSeconds / window:0.00} cores ({cpu.Server.TotalSeconds:0.0} s), " +
            $"load generator {cpu.LoadGenerator.TotalSeconds / window:0.00} cores ({cpu.LoadGenerator.TotalSeconds:0.0} s), " +
            $"other processes {cpu.Others.TotalSeconds / window:0.00} cores, of {processors}");
    }

    public static string SignRateLine(SignRateResult signRate) =>
        $"sign rate        {signRate.PerSecond:0.0} signs/s on one core (RSA-2048 SHA-256 PKCS#1 v1.5, {SignRate.SigningInputBytes}-byte input, {signRate.Measured.TotalSeconds:0.0} s)";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
