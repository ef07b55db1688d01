using System.Diagnostics;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>What a client process printed and how it ended.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs a real client program (the Azure CLI, Python) as a user would, in its default configuration, with only what
/// the README's recipe sets: HTTPS_PROXY and HTTP_PROXY at Gatehouse's proxy, which refuses every host it does not
/// serve, and Gatehouse's certificate authority as the trusted bundle. No proxy bypass is inherited, so nothing the
/// client sends can leave loopback.
/// </summary>
internal static class ProxiedProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static IReadOnlyDictionary<string, string> Environment(Uri proxy, string caBundle) => new Dictionary<string, string>
    {
        ["HTTPS_PROXY"] = proxy.ToString(),
        ["HTTP_PROXY"] = proxy.ToString(),
        ["https_proxy"] = proxy.ToString(),
        ["http_proxy"] = proxy.ToString(),
        ["REQUESTS_CA_BUNDLE"] = caBundle,
        ["SSL_CERT_FILE"] = caBundle,
        ["NODE_EXTRA_CA_CERTS"] = caBundle,
    };

    public static async Task<ProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "PYTHONPATH", "PYTHONHOME" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
