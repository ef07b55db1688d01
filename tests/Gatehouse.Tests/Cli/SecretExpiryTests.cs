using System.Globalization;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse app secret add --expires`: the portal's choices (1 year, 2 years, never) or a chosen future date.</summary>
public sealed class SecretExpiryTests
{
    [Theory]
    [BothStores]
    public async Task Expiry_choices_end_never_one_year_or_two_years_after_the_start(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);

        var never = await GatehouseCli.AddSecretAsync(store, appId, "never");
        var oneYear = await GatehouseCli.AddSecretAsync(store, appId, "1y");
        var twoYears = await GatehouseCli.AddSecretAsync(store, appId, "2y");
        var byDefault = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId);

        Assert.Equal(new DateTimeOffset(2299, 12, 31, 0, 0, 0, TimeSpan.Zero), End(never));
        Assert.Equal(TimeSpan.Zero, End(never).Offset);
        Assert.Equal(Start(oneYear).AddYears(1), End(oneYear));
        Assert.Equal(Start(twoYears).AddYears(2), End(twoYears));
        Assert.Equal(Start(byDefault).AddYears(2), End(byDefault));
        Assert.InRange(Start(oneYear), TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow());
    }

    [Theory]
    [BothStores]
    public async Task Expiry_on_a_chosen_date_ends_on_that_date(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var date = new DateTimeOffset(TimeProvider.System.GetUtcNow().Date.AddDays(90), TimeSpan.Zero);

        var secret = await GatehouseCli.AddSecretAsync(store, appId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(date, End(secret));
    }

    [Theory]
    [BothStores]
    public async Task Past_or_malformed_expiry_is_refused_with_its_reason_and_adds_no_secret(string kind)
    {
        using var store = TestStore.Create(kind);
        var appId = await GatehouseCli.CreateAppAsync(store);
        var before = (await GatehouseCli.ListSecretsAsync(store, appId)).GetRawText();
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

        Assert.Equal(before, (await GatehouseCli.ListSecretsAsync(store, appId)).GetRawText());
    }

    private static DateTimeOffset Start(JsonElement secret) => secret.GetProperty("startDateTime").GetDateTimeOffset();

    private static DateTimeOffset End(JsonElement secret) => secret.GetProperty("endDateTime").GetDateTimeOffset();
}
