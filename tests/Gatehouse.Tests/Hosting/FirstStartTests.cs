using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Hosting;

/// <summary>First start: the default tenant's admin@contoso.onmicrosoft.com, with GATEHOUSE_ADMIN_PASSWORD or a generated password shown once.</summary>
public sealed partial class FirstStartTests
{
    private const string Admin = "admin@contoso.onmicrosoft.com";

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Generated_admin_password_is_printed_once_and_kept_in_an_owner_only_file()
    {
        using var store = TestStore.Sqlite();
        var passwordFile = Path.Combine(store.DataFolder, "admin-password.txt");

        var first = await GatehouseProcess.StartAsync(store);
        await first.DisposeAsync();

        var printed = GeneratedPassword().Match(first.Output);
        Assert.True(printed.Success, $"no generated password in:\n{first.Output}");
        var password = printed.Groups["password"].Value;
        Assert.Equal(1, Regex.Count(first.Output, Regex.Escape(password)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        Assert.Equal(password, (await File.ReadAllTextAsync(passwordFile, TestContext.Current.CancellationToken)).Trim());
        Assert.True(await AdminHasPasswordAsync(store, password));

        var second = await GatehouseProcess.StartAsync(store);
        await second.DisposeAsync();

        Assert.DoesNotContain(password, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("password", second.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(await AdminHasPasswordAsync(store, password));
    }

    [Fact]
    public async Task Admin_password_from_GATEHOUSE_ADMIN_PASSWORD_is_used_and_written_nowhere()
    {
        using var store = TestStore.Sqlite();
        const string Password = "Tr0ub4dor&3-horse";

        var server = await GatehouseProcess.StartAsync(store, new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = Password });
        await server.DisposeAsync();

        Assert.False(File.Exists(Path.Combine(store.DataFolder, "admin-password.txt")));
        Assert.DoesNotContain(Password, server.Output, StringComparison.Ordinal);
        Assert.True(await AdminHasPasswordAsync(store, Password));
        Assert.False(await AdminHasPasswordAsync(store, Password + "!"));
    }

    private static async Task<bool> AdminHasPasswordAsync(TestStore store, string password)
    {
        await using var harness = await DirectoryHarness.OpenAsync(store);
        return await harness.RunAsync(async services =>
        {
            var accounts = services.GetRequiredService<UserAccounts>();
            var admin = await accounts.FindAsync(harness.Tenant.Id, Admin, TestContext.Current.CancellationToken);
            Assert.NotNull(admin);
            return accounts.HasPassword(admin, password);
        });
    }

    [GeneratedRegex(@"First administrator: admin@contoso\.onmicrosoft\.com with password (?<password>\S+) \(shown once\)")]
    private static partial Regex GeneratedPassword();
}
