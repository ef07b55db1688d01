using System.Globalization;

namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>The portal's "Expires" choices: in 1 year, in 2 years, never, or a chosen date.</summary>
internal static class SecretExpiry
{
    /// <summary>"Never" is stored as 12/31/2299, as the portal shows it.</summary>
    public static readonly DateTimeOffset Never = new(2299, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<string> Choices { get; } = ["1y", "2y", "never"];

    public static Outcome<DateTimeOffset, DirectoryError> Parse(string choice, DateTimeOffset start)
    {
        switch (choice.Trim().ToLowerInvariant())
        {
            case "1y":
                return start.AddYears(1);
            case "2y":
                return start.AddYears(2);
            case "never":
                return Never;
        }

        if (!DateTimeOffset.TryParse(choice, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return DirectoryError.Invalid($"'{choice}' is not an expiry: use 1y, 2y, never or an ISO 8601 date.");
        }

        return date <= start
            ? DirectoryError.Invalid($"The expiry {date:yyyy-MM-dd'T'HH:mm:ss'Z'} is in the past; choose a later date.")
            : StoreClock.ToStoreResolution(date);
    }
}
