using System.Runtime.InteropServices;

namespace Gatehouse.Bench;

/// <summary>The printed result of a `graph` run: a line per store's seed, then a line per store and request.</summary>
internal sealed class GraphReport(TextWriter output, GraphPlan plan)
{
    public void WriteHeader()
    {
        output.WriteLine($"Gatehouse Graph benchmark ({BuildConfiguration.Name} build)");
        output.WriteLine($"machine   {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        output.WriteLine($"load      {plan.Connections} connections, HTTP/1.1 keep-alive over TLS, {plan.WarmUp.TotalSeconds:0.0} s warm-up, {plan.Measured.TotalSeconds:0.0} s measured per request");
        output.WriteLine($"list      GET /{GraphBenchmark.ListPath}");
        output.WriteLine();
    }

    public void WriteSeed(StoreChoice store, int users, double seconds) =>
        output.WriteLine($"{store.Kind,-9} seeded {users} users in {seconds:0.0} s");

    public void WriteLoad(StoreChoice store, string request, LoadResult load)
    {
        var latency = LatencyReport.From(load.LatencyTicks);
        output.WriteLine(
            $"{store.Kind,-9} {request,-42} {load.TokensPerSecond,8:0.0} req/s  p50 {latency.P50,6:0.00} ms  p99 {latency.P99,6:0.00} ms  max {latency.Max,7:0.00} ms  failures {load.Failures}");
    }
}
