using System.Security.Cryptography;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>A first administrator's password when the operator gives none: 24 random characters that pass <see cref="PasswordRules"/>.</summary>
internal static class AdministratorPassword
{
    public static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(alphabet, 24);
            if (PasswordRules.Check(candidate) is null)
            {
                return candidate;
            }
        }
    }
}
