using System.Buffers.Text;
using System.Security.Cryptography;

namespace Gatehouse.DirectoryObjects;

/// <summary>Graph's non-GUID identifiers (app role assignments, permission grants): 43 base64url characters.</summary>
internal static class OpaqueId
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
