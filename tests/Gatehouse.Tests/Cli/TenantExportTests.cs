using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant export`: the tenant as one document that never holds a secret value or a private key.</summary>
public sealed class TenantExportTests
{
    [Theory]
    [BothStores]
    public async Task Export_holds_no_secret_value_and_no_private_key(string kind)
    {
        using var store = TestStore.Create(kind);
        var built = await SampleTenant.BuildAsync(store);

        var exported = await GatehouseCli.ExportAsync(store);

        Assert.DoesNotContain(built.SecretText, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(built.CertificatePrivateKey), exported, StringComparison.Ordinal);
        var application = JsonDocument.Parse(exported).RootElement.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == "Payroll");
        var secret = Assert.Single(application.GetProperty("passwordCredentials").EnumerateArray());
        Assert.False(secret.TryGetProperty("secretText", out _));
        Assert.Equal(built.SecretText[..3], secret.GetProperty("hint").GetString());
        var key = Assert.Single(application.GetProperty("keyCredentials").EnumerateArray()).GetProperty("key").GetBytesFromBase64();
        using var certificate = X509CertificateLoader.LoadCertificate(key);
        Assert.False(certificate.HasPrivateKey);
        Assert.Equal(built.CertificateThumbprint, certificate.Thumbprint);
    }
}
