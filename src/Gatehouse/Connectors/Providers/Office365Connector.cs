namespace Gatehouse.Connectors.Providers;

/// <summary>Office 365: Microsoft Graph's users, calendars, events and contacts.</summary>
internal static class Office365Connector
{
    public const string Key = "office365";

    public static Connector Create(HubSettings settings)
    {
        var api = new ProviderApi("https://graph.microsoft.com", new Uri(settings.GraphUrl, "v1.0/"), "openid offline_access https://graph.microsoft.com/.default");
        return new(
            Key,
            "Office 365",
            "Microsoft Graph: users, calendars, events and contacts.",
            settings.Authority,
            settings.DefaultTenant,
            ConfigurationKeys.MicrosoftOAuth,
            [
                new("users", "users"),
                new("calendars", "me/calendars"),
                new("calendars/{id}/events", "me/calendars/{id}/events", "me/calendars/{id}/calendarView"),
                new("events", "me/events", "me/calendarView"),
                new("contacts", "me/contacts"),
            ],
            _ => api);
    }
}
