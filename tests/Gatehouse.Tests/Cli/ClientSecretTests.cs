using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app secret add|list|remove`: Certificates &amp; secrets → Client secrets, whose value is shown once and kept nowhere.</summary>
public sealed class ClientSecretTests
{
    [Theory]
    [BothStores]
    public async Task New_secret_has_Entras_format_and_its_hint_is_its_first_three_characters(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);

        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--description", "payroll-job");

        var value = secret.GetProperty("secretText").GetString()!;
        Assert.Matches("^[A-Za-z0-9._~-]{3}8Q~[A-Za-z0-9._~-]{34}$", value);
        Assert.Equal(40, value.Length);
        Assert.Equal("8Q~", value[3..6]);
        Assert.Equal(value[..3], secret.GetProperty("hint").GetString());
        var listed = Assert.Single((await GatehouseCli.ListSecretsAsync(store, appId)).GetProperty("value").EnumerateArray());
        Assert.Equal(value[..3], listed.GetProperty("hint").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Secret_value_is_shown_once_and_kept_nowhere(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var description = "marker-" + Guid.NewGuid().ToString("N");

        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--description", description, "--expires", "1y");
        var value = secret.GetProperty("secretText").GetString()!;

        // The description is stored beside the secret: finding it shows the search reads what the store wrote.
        Assert.True(await StoreContents.ContainAsync(store, description), "the search did not find the secret's description");
        Assert.False(await StoreContents.ContainAsync(store, value), "the secret value is in the store");
        Assert.DoesNotContain(value, await GatehouseCli.ExportAsync(store), StringComparison.Ordinal);

        var listed = await GatehouseCli.RunAsync(store, "app", "secret", "list", "--app", appId);
        var listedJson = await GatehouseCli.ListSecretsAsync(store, appId);
        var shown = await GatehouseCli.JsonAsync(store, "app", "show", "--app", appId);
        Assert.DoesNotContain(value, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(value, listedJson.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, shown.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Assert.Single(listedJson.GetProperty("value").EnumerateArray()).GetProperty("secretText").ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.Single(shown.GetProperty("passwordCredentials").EnumerateArray()).GetProperty("secretText").ValueKind);
    }

    [Theory]
    [BothStores]
    public async Task Removed_secret_is_gone_and_the_others_stay(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var kept = await GatehouseCli.AddSecretAsync(store, appId, "1y");
        var removed = await GatehouseCli.AddSecretAsync(store, appId, "2y");

        await GatehouseCli.JsonAsync(store, "app", "secret", "remove", "--app", appId, "--key-id", removed.GetProperty("keyId").GetString()!);

        var left = Assert.Single((await GatehouseCli.ListSecretsAsync(store, appId)).GetProperty("value").EnumerateArray());
        Assert.Equal(kept.GetProperty("keyId").GetGuid(), left.GetProperty("keyId").GetGuid());
        var again = await GatehouseCli.RefusedAsync(store, "app", "secret", "remove", "--app", appId, "--key-id", removed.GetProperty("keyId").GetString()!);
        Assert.Equal("NotFound", again.Code);
    }
}
