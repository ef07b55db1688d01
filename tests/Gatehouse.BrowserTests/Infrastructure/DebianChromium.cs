using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>
/// Debian's chromium, the only browser these tests drive. Playwright never downloads one: it is given the executable
/// that `command -v chromium` finds, and scripts/test installs the package when it is missing.
/// </summary>
internal static class DebianChromium
{
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>What `command -v chromium` prints: the first executable named chromium on PATH.</summary>
    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "chromium");
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & Executable) != 0))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Debian's chromium is not installed: `command -v chromium` finds nothing on PATH. " +
            "Run the tests with scripts/test, which installs it (apt-get install chromium); Playwright never downloads a browser here.");
    }

    /// <summary>
    /// Headless chromium that trusts exactly one self-signed certificate: --ignore-certificate-errors-spki-list
    /// accepts a certificate whose public key hashes to the pin (<see cref="SpkiPin(string)"/>) and nothing else, so any
    /// other certificate still fails. Chromium honours the list only with a --user-data-dir, which Playwright passes.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string spkiPin) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Locate(),
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                $"--ignore-certificate-errors-spki-list={spkiPin}",
            ],
        });

    /// <summary>Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, the form chromium's SPKI list takes.</summary>
    public static string SpkiPin(string tlsPemPath)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(tlsPemPath));
        return SpkiPin(certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    public static string SpkiPin(ReadOnlySpan<byte> subjectPublicKeyInfo) => Convert.ToBase64String(SHA256.HashData(subjectPublicKeyInfo));
}
