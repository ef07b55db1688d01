using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Graph;

/// <summary>Users made through `gatehouse user create`, as an administrator would, for Graph tests to act on.</summary>
internal static class DirectoryUsers
{
    public static async Task<(string Id, string Upn)> CreateAsync(TokenServiceFixture server, string name, string? role = null)
    {
        var upn = $"{name}-{Guid.NewGuid():N}"[..Math.Min(40, name.Length + 33)] + "@" + TokenServiceFixture.TenantDomain;
        string[] create = ["user", "create", "--upn", upn, "--password", "Dir3ctory!Passw0rd", "--display-name", name];
        var user = await GatehouseCli.JsonAsync(server.Store, role is null ? create : [.. create, "--role", role]);
        return (user.GetProperty("id").GetString()!, upn);
    }
}
