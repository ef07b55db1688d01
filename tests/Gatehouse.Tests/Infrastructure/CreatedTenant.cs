namespace Gatehouse.Tests.Infrastructure;

/// <summary>A tenant made with `gatehouse tenant create`, as an operator makes a second one, with its administrator.</summary>
internal sealed record CreatedTenant(string TenantId, string Domain, string AdministratorUpn, string AdministratorPassword)
{
    /// <summary>A tenant named <paramref name="name"/> whose domain starts with its lower-cased name and is unique.</summary>
    public static async Task<CreatedTenant> CreateAsync(TestStore store, string name)
    {
        var domain = $"{name.ToLowerInvariant()}{Guid.NewGuid():N}"[..20] + ".onmicrosoft.com";
        var created = await GatehouseCli.JsonAsync(store, "tenant", "create", "--name", name, "--domain", domain);
        var administrator = created.GetProperty("administrator");
        return new CreatedTenant(created.GetProperty("tenantId").GetString()!, domain,
            administrator.GetProperty("userPrincipalName").GetString()!, administrator.GetProperty("password").GetString()!);
    }

    /// <summary>A public client registered in this tenant, allowed the password grant, with User.Read consented; its client ID.</summary>
    public async Task<string> RegisterDesktopAppAsync(TestStore store, string name)
    {
        var appId = (await GatehouseCli.JsonAsync(store, "app", "create", "--name", name, "--public-client-redirect-uri", DelegatedSignIn.NativeClientRedirectUri,
            "--allow-public-client-flows", "--tenant", Domain)).GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated", "--tenant", Domain);
        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId, "--tenant", Domain);
        return appId;
    }
}
