using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Connectors.Vault;

/// <summary>
/// What the hub must use again in clear (provider tokens, the API secret, the event signature key) is kept only
/// encrypted with Data Protection, whose key ring lives in the store so that every node can read it.
/// </summary>
internal sealed class InstanceVault(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Gatehouse.Connectors.Vault");

    public string Protect(string value) => protector.Protect(value);

    /// <summary>The clear value, or null when it cannot be decrypted (a key ring that lost its key).</summary>
    public string? Unprotect(string? protectedValue)
    {
        if (protectedValue is null)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedValue);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
