using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>The executable's flags: a bad one stops it with one line of reason, never a stack trace.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("mongo", "--store", "mongo")]
    [InlineData("--connection-string", "--store", "postgres")]
    [InlineData("notaurl", "--urls", "notaurl")]
    [InlineData("ftp://127.0.0.1:5443", "--urls", "ftp://127.0.0.1:5443")]
    [InlineData("--tls-key", "--tls-cert", "/nonexistent/cert.pem")]
    [InlineData("failure limits", "--client-failure-limit", "0")]
    [InlineData("failure limits", "--sign-in-failure-window", "2.00:00:00")]
    [InlineData("is not a metrics URL", "--metrics-urls", "ftp://127.0.0.1:9464")]
    [InlineData("port of its own", "--urls", "https://127.0.0.1:5443", "--metrics-urls", "http://127.0.0.1:5443")]
    public async Task Bad_flag_stops_the_server_with_a_one_line_reason(string reasonMentions, params string[] flags)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", "flags-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await GatehouseProcess.RunAsync(null, ["serve", "--data", folder, .. flags]);

        Assert.NotEqual(0, exitCode);
        OutputRules.AssertOneLineReason(output);
        Assert.Contains(reasonMentions, output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "a refused start made its data folder");
    }

    [Fact]
    public async Task Unreadable_tls_certificate_stops_the_server_with_a_one_line_reason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", "tls-" + Guid.NewGuid().ToString("N"));
        var files = Path.Combine(folder, "files");
        Directory.CreateDirectory(files);
        var garbage = Path.Combine(files, "garbage.pem");
        await File.WriteAllTextAsync(garbage, "not a certificate", TestContext.Current.CancellationToken);
        try
        {
            foreach (var (certificate, key) in new[] { (Path.Combine(files, "missing.pem"), Path.Combine(files, "missing.key")), (garbage, garbage) })
            {
                var (exitCode, output) = await GatehouseProcess.RunAsync(null, "serve", "--data", Path.Combine(folder, "data"), "--tls-cert", certificate, "--tls-key", key);

                Assert.NotEqual(0, exitCode);
                OutputRules.AssertOneLineReason(output);
                Assert.Contains(certificate, output, StringComparison.Ordinal);
                Assert.False(Directory.Exists(Path.Combine(folder, "data")), "a refused start made its data folder");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_exits_0()
    {
        var (exitCode, output) = await GatehouseProcess.RunAsync(null, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("serve", output, StringComparison.Ordinal);
        Assert.Contains("app", output, StringComparison.Ordinal);
        Assert.Contains("tenant", output, StringComparison.Ordinal);
    }
}
