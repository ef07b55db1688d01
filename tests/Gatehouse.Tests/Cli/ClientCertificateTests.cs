using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app cert add|remove`: Certificates &amp; secrets → Certificates. Only public certificates are taken.</summary>
public sealed class ClientCertificateTests
{
    [Theory]
    [BothStores]
    public async Task Uploaded_pem_certificate_has_openssls_thumbprint_and_the_certificates_dates_and_subject(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        using var certificate = TestCertificates.CreateCurrent("CN=payroll-signing");
        var pem = store.WriteFile("payroll.pem", certificate.ExportCertificatePem());

        var added = await GatehouseCli.JsonAsync(store, "app", "cert", "add", "--app", appId, "--file", pem);

        Assert.Equal(await OpenSslSha1FingerprintAsync(pem), added.GetProperty("thumbprint").GetString());
        Assert.Equal(new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), added.GetProperty("startDateTime").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), added.GetProperty("endDateTime").GetDateTimeOffset());
        var shown = Assert.Single((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("keyCredentials").EnumerateArray());
        Assert.Equal("CN=payroll-signing", shown.GetProperty("displayName").GetString());
        Assert.Equal(added.GetProperty("keyId").GetGuid(), shown.GetProperty("keyId").GetGuid());
        Assert.Equal(added.GetProperty("thumbprint").GetString(), shown.GetProperty("thumbprint").GetString());
        Assert.Equal("AsymmetricX509Cert", shown.GetProperty("type").GetString());
        Assert.Equal("Verify", shown.GetProperty("usage").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Same_certificate_as_der_is_accepted_with_the_same_thumbprint(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        using var certificate = TestCertificates.CreateCurrent();
        var pem = store.WriteFile("payroll.pem", certificate.ExportCertificatePem());
        var der = store.WriteFile("payroll.cer", certificate.RawData);

        var added = await GatehouseCli.JsonAsync(store, "app", "cert", "add", "--app", appId, "--file", der);

        Assert.Equal(await OpenSslSha1FingerprintAsync(pem), added.GetProperty("thumbprint").GetString());
        var again = await GatehouseCli.RefusedAsync(store, "app", "cert", "add", "--app", appId, "--file", pem);
        Assert.Equal("Conflict", again.Code);
        Assert.Single((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("keyCredentials").EnumerateArray());
    }

    [Theory]
    [BothStores]
    public async Task Files_that_are_not_a_current_public_certificate_are_refused_with_their_reason_and_add_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        using var certificate = TestCertificates.CreateCurrent();
        using var key = certificate.GetRSAPrivateKey()!;
        var now = TimeProvider.System.GetUtcNow();
        using var expired = TestCertificates.Create("CN=expired", now.AddYears(-2), now.AddDays(-1));
        (string File, string ReasonMentions)[] refused =
        [
            (store.WriteFile("with-key.pem", certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem()), "private key"),
            (store.WriteFile("key-first.pem", key.ExportRSAPrivateKeyPem() + "\n" + certificate.ExportCertificatePem()), "private key"),
            (store.WriteFile("bundle.pfx", certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "pfx-password")), "private key"),
            (store.WriteFile("random.cer", RandomNumberGenerator.GetBytes(1500)), "not an X.509 certificate"),
            (store.WriteFile("empty.cer", []), "empty"),
            (store.WriteFile("expired.pem", expired.ExportCertificatePem()), "expired"),
            (store.WriteFile("no-certificate.pem", "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) + "\n-----END PUBLIC KEY-----\n"), "CERTIFICATE"),
            (Path.Combine(store.DataFolder, "files", "missing.pem"), "does not exist"),
        ];

        foreach (var (file, mentions) in refused)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "app", "cert", "add", "--app", appId, "--file", file);
            Assert.True(refusal.Message.Contains(mentions, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} was refused with {refusal}");
        }

        Assert.Empty((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("keyCredentials").EnumerateArray());
    }

    [Theory]
    [BothStores]
    public async Task Listed_certificate_is_removed_and_gone(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        using var certificate = TestCertificates.CreateCurrent();
        var added = await GatehouseCli.JsonAsync(store, "app", "cert", "add", "--app", appId, "--file", store.WriteFile("payroll.pem", certificate.ExportCertificatePem()));
        var keyId = added.GetProperty("keyId").GetString()!;
        var listed = Assert.Single((await GatehouseCli.JsonAsync(store, "app", "cert", "list", "--app", appId)).GetProperty("value").EnumerateArray());

        await GatehouseCli.JsonAsync(store, "app", "cert", "remove", "--app", appId, "--key-id", keyId);

        Assert.Equal((keyId, certificate.Thumbprint), (listed.GetProperty("keyId").GetString(), listed.GetProperty("thumbprint").GetString()));
        Assert.Empty((await GatehouseCli.JsonAsync(store, "app", "cert", "list", "--app", appId)).GetProperty("value").EnumerateArray());
        Assert.Empty((await GatehouseCli.ShowAppAsync(store, appId)).GetProperty("keyCredentials").EnumerateArray());
        Assert.Equal("NotFound", (await GatehouseCli.RefusedAsync(store, "app", "cert", "remove", "--app", appId, "--key-id", keyId)).Code);
    }

    /// <summary>The thumbprint as the real openssl binary computes it: SHA-1 of the DER, upper-case hex without colons.</summary>
    private static async Task<string> OpenSslSha1FingerprintAsync(string pemFile)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "x509", "-noout", "-fingerprint", "-sha1", "-in", pemFile })
        {
            start.ArgumentList.Add(argument);
        }

        using var openssl = Process.Start(start)!;
        var output = await openssl.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await openssl.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(openssl.ExitCode == 0, await openssl.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("SHA1 Fingerprint=", output, StringComparison.OrdinalIgnoreCase);
        return output.Trim()["SHA1 Fingerprint=".Length..].Replace(":", "", StringComparison.Ordinal);
    }
}
