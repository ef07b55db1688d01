using System.Globalization;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app secret add|list|remove`: Certificates &amp; secrets → Client secrets.</summary>
public sealed class ClientSecretTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task New_secret_has_Entras_format_and_its_hint_is_its_first_three_characters(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);

        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--description", "payroll-job");

        var value = secret.GetProperty("secretText").GetString()!;
        Assert.Matches("^[A-Za-z0-9._~-]{3}8Q~[A-Za-z0-9._~-]{34}$", value);
        Assert.Equal(40, value.Length);
        Assert.Equal("8Q~", value[3..6]);
        Assert.Equal(value[..3], secret.GetProperty("hint").GetString());
        var listed = Assert.Single((await GatehouseCli.JsonAsync(store, "app", "secret", "list", "--app", appId)).GetProperty("value").EnumerateArray());
        Assert.Equal(value[..3], listed.GetProperty("hint").GetString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Expiry_choices_end_never_one_year_or_two_years_after_the_start(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);

        var never = await AddSecretAsync(store, appId, "never");
        var oneYear = await AddSecretAsync(store, appId, "1y");
        var twoYears = await AddSecretAsync(store, appId, "2y");
        var byDefault = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId);

        Assert.Equal("2299-12-31T00:00:00Z", never.GetProperty("endDateTime").GetDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.Equal(Start(oneYear).AddYears(1), End(oneYear));
        Assert.Equal(Start(twoYears).AddYears(2), End(twoYears));
        Assert.Equal(Start(byDefault).AddYears(2), End(byDefault));
        Assert.InRange(Start(oneYear), TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Expiry_on_a_chosen_date_ends_on_that_date(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);
        var date = new DateTimeOffset(TimeProvider.System.GetUtcNow().Date.AddDays(90), TimeSpan.Zero);

        var secret = await AddSecretAsync(store, appId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(date, End(secret));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Past_or_malformed_expiry_is_refused_with_its_reason_and_adds_no_secret(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);
        var before = await SecretListAsync(store, appId);
        (string Expires, string ReasonMentions)[] invalid =
        [
            ("2020-01-01", "past"),
            (TimeProvider.System.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "past"),
            ("soon", "soon"),
            ("2027-13-45", "2027-13-45"),
            ("3y", "3y"),
            ("", "expiry"),
        ];

        foreach (var (expires, mentions) in invalid)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "app", "secret", "add", "--app", appId, "--expires", expires);
            Assert.True(
                refusal.Code == "InvalidValue" && refusal.Message.Contains(mentions, StringComparison.Ordinal),
                $"--expires '{expires}' was refused with {refusal}");
        }

        Assert.Equal(before, await SecretListAsync(store, appId));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Tenant_policy_refuses_a_secret_that_outlives_it_and_accepts_one_within_it(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);
        var policy = await GatehouseCli.JsonAsync(store, "tenant", "policy", "--max-secret-lifetime", "30");
        Assert.Equal(30, policy.GetProperty("maxSecretLifetimeDays").GetInt32());
        var before = await SecretListAsync(store, appId);

        foreach (var expires in new[] { "1y", "never", TimeProvider.System.GetUtcNow().AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "app", "secret", "add", "--app", appId, "--expires", expires);
            Assert.True(
                refusal.Code == "PolicyViolation" && refusal.Message.Contains("30 days", StringComparison.Ordinal),
                $"--expires {expires} was refused with {refusal}");
        }

        Assert.Equal(before, await SecretListAsync(store, appId));
        var within = TimeProvider.System.GetUtcNow().AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var accepted = await AddSecretAsync(store, appId, within);
        Assert.Equal(within, End(accepted).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        await GatehouseCli.JsonAsync(store, "tenant", "policy", "--max-secret-lifetime", "off");
        await AddSecretAsync(store, appId, "never");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Tenant_policy_of_billions_of_days_limits_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);

        await GatehouseCli.JsonAsync(store, "tenant", "policy", "--max-secret-lifetime", int.MaxValue.ToString(CultureInfo.InvariantCulture));

        await AddSecretAsync(store, appId, "2y");
        await AddSecretAsync(store, appId, "never");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Tenant_policy_that_is_not_a_positive_number_of_days_is_refused(string kind)
    {
        using var store = TestStore.Create(kind);
        await CreateAppAsync(store);

        foreach (var days in new[] { "0", "-5", "a month" })
        {
            var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "policy", "--max-secret-lifetime", days);
            Assert.True(refusal.Code == "InvalidValue", $"--max-secret-lifetime {days} was refused with {refusal}");
        }

        Assert.Equal(JsonValueKind.Null, (await GatehouseCli.JsonAsync(store, "tenant", "policy")).GetProperty("maxSecretLifetimeDays").ValueKind);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Secret_value_is_shown_once_and_kept_nowhere(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);
        var description = "marker-" + Guid.NewGuid().ToString("N");

        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--description", description, "--expires", "1y");
        var value = secret.GetProperty("secretText").GetString()!;

        // The description is stored beside the secret: finding it shows the search reads what the store wrote.
        Assert.True(await StoreContents.ContainAsync(store, description), "the search did not find the secret's description");
        Assert.False(await StoreContents.ContainAsync(store, value), "the secret value is in the store");
        Assert.DoesNotContain(value, await GatehouseCli.ExportAsync(store), StringComparison.Ordinal);

        var listed = await GatehouseCli.RunAsync(store, "app", "secret", "list", "--app", appId);
        var listedJson = await GatehouseCli.JsonAsync(store, "app", "secret", "list", "--app", appId);
        var shown = await GatehouseCli.JsonAsync(store, "app", "show", "--app", appId);
        Assert.DoesNotContain(value, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(value, listedJson.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, shown.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Assert.Single(listedJson.GetProperty("value").EnumerateArray()).GetProperty("secretText").ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.Single(shown.GetProperty("passwordCredentials").EnumerateArray()).GetProperty("secretText").ValueKind);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Removed_secret_is_gone_and_the_others_stay(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await CreateAppAsync(store);
        var kept = await AddSecretAsync(store, appId, "1y");
        var removed = await AddSecretAsync(store, appId, "2y");

        await GatehouseCli.JsonAsync(store, "app", "secret", "remove", "--app", appId, "--key-id", removed.GetProperty("keyId").GetString()!);

        var left = Assert.Single((await GatehouseCli.JsonAsync(store, "app", "secret", "list", "--app", appId)).GetProperty("value").EnumerateArray());
        Assert.Equal(kept.GetProperty("keyId").GetGuid(), left.GetProperty("keyId").GetGuid());
        var again = await GatehouseCli.RefusedAsync(store, "app", "secret", "remove", "--app", appId, "--key-id", removed.GetProperty("keyId").GetString()!);
        Assert.Equal("NotFound", again.Code);
    }

    private static async Task<string> CreateAppAsync(TestStore store) =>
        (await GatehouseCli.JsonAsync(store, "app", "create", "--name", "Payroll")).GetProperty("appId").GetString()!;

    private static Task<JsonElement> AddSecretAsync(TestStore store, string appId, string expires) =>
        GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--expires", expires);

    private static async Task<string> SecretListAsync(TestStore store, string appId) =>
        (await GatehouseCli.JsonAsync(store, "app", "secret", "list", "--app", appId)).GetRawText();

    private static DateTimeOffset Start(JsonElement secret) => secret.GetProperty("startDateTime").GetDateTimeOffset();

    private static DateTimeOffset End(JsonElement secret) => secret.GetProperty("endDateTime").GetDateTimeOffset();
}
