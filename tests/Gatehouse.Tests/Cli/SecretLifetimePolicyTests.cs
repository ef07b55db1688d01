using System.Globalization;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant policy --max-secret-lifetime`: the app management policy that limits how long a new client secret may live.</summary>
public sealed class SecretLifetimePolicyTests
{
    [Theory]
    [BothStores]
    public async Task Tenant_policy_refuses_a_secret_that_outlives_it_and_accepts_one_within_it(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var policy = await GatehouseCli.JsonAsync(store, "tenant", "policy", "--max-secret-lifetime", "30");
        Assert.Equal(30, policy.GetProperty("maxSecretLifetimeDays").GetInt32());
        var before = (await GatehouseCli.ListSecretsAsync(store, appId)).GetRawText();

        foreach (var expires in new[] { "1y", "never", TimeProvider.System.GetUtcNow().AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "app", "secret", "add", "--app", appId, "--expires", expires);
            Assert.True(
                refusal.Code == "PolicyViolation" && refusal.Message.Contains("30 days", StringComparison.Ordinal),
                $"--expires {expires} was refused with {refusal}");
        }

        Assert.Equal(before, (await GatehouseCli.ListSecretsAsync(store, appId)).GetRawText());
        var within = TimeProvider.System.GetUtcNow().AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var accepted = await GatehouseCli.AddSecretAsync(store, appId, within);
        Assert.Equal(within, End(accepted).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        await GatehouseCli.JsonAsync(store, "tenant", "policy", "--max-secret-lifetime", "off");
        await GatehouseCli.AddSecretAsync(store, appId, "never");
    }

    [Theory]
    [BothStores]
    public async Task Tenant_policy_of_billions_of_days_limits_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);

        await GatehouseCli.JsonAsync(store, "tenant", "policy", "--max-secret-lifetime", int.MaxValue.ToString(CultureInfo.InvariantCulture));

        await GatehouseCli.AddSecretAsync(store, appId, "2y");
        await GatehouseCli.AddSecretAsync(store, appId, "never");
    }

    [Theory]
    [BothStores]
    public async Task Tenant_policy_that_is_not_a_positive_number_of_days_is_refused(string kind)
    {
        using var store = TestStore.Create(kind);
        await GatehouseCli.CreateAppAsync(store);

        foreach (var days in new[] { "0", "-5", "a month" })
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "policy", "--max-secret-lifetime", days);
            Assert.True(refusal.Code == "InvalidValue", $"--max-secret-lifetime {days} was refused with {refusal}");
        }

        Assert.Equal(JsonValueKind.Null, (await GatehouseCli.JsonAsync(store, "tenant", "policy")).GetProperty("maxSecretLifetimeDays").ValueKind);
    }

    private static DateTimeOffset End(JsonElement secret) => secret.GetProperty("endDateTime").GetDateTimeOffset();
}
