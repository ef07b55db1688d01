using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// The Microsoft Graph SDK creates, reads, changes and deletes events through Gatehouse, app-only for any user and
/// delegated for the signed-in user, and reads them back through calendarView's time window.
/// </summary>
public sealed class GraphCalendarTests(GatehouseOnBothStores gatehouse) : IClassFixture<GatehouseOnBothStores>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task An_app_creates_an_event_for_a_user_reads_it_in_calendarView_updates_and_deletes_it(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var (userId, upn) = await CreateUserAsync(server, "megan");
        var graph = server.AppOnly(await server.RegisterClientAsync("calendar-app-" + store, ("Microsoft Graph", "Calendars.ReadWrite")));

        var created = await graph.Users[userId].Events.PostAsync(new Event
        {
            Subject = "Let's go for lunch",
            Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Does noon work for you?</p>" },
            Start = new DateTimeTimeZone { DateTime = "2026-04-15T12:00:00", TimeZone = "Pacific Standard Time" },
            End = new DateTimeTimeZone { DateTime = "2026-04-15T14:00:00", TimeZone = "Pacific Standard Time" },
            Location = new Location { DisplayName = "Harry's Bar" },
            Attendees = [new Attendee { EmailAddress = new EmailAddress { Address = "samanthab@contoso.onmicrosoft.com", Name = "Samantha Booth" }, Type = AttendeeType.Required }],
        }, cancellationToken: Ct);

        Assert.NotNull(created?.Id);
        Assert.Equal("2026-04-15T19:00:00.0000000", created.Start!.DateTime);
        Assert.Equal("UTC", created.Start.TimeZone);
        Assert.Equal("Pacific Standard Time", created.OriginalStartTimeZone);
        Assert.Equal("Does noon work for you?", created.BodyPreview);
        Assert.Equal(upn, created.Organizer!.EmailAddress!.Address);
        Assert.Equal($"W/\"{created.ChangeKey}\"", created.AdditionalData["@odata.etag"]);

        var inWindow = await CalendarViewAsync(graph.Users[userId].CalendarView, "2026-04-15T20:00:00Z", "2026-04-16T00:00:00Z");
        var after = await CalendarViewAsync(graph.Users[userId].CalendarView, "2026-04-15T21:00:00Z", "2026-04-16T00:00:00Z");
        var pacific = await CalendarViewAsync(graph.Users[userId].CalendarView, "2026-04-15T11:00:00-08:00", "2026-04-15T12:00:01-07:00");

        var seen = Assert.Single(inWindow);
        Assert.Equal(created.Id, seen.Id);
        Assert.Equal("Samantha Booth", Assert.Single(seen.Attendees!).EmailAddress!.Name);
        Assert.Empty(after);
        Assert.Single(pacific);

        var updated = await graph.Users[userId].Events[created.Id].PatchAsync(new Event { Subject = "Lunch (moved)" }, cancellationToken: Ct);
        Assert.Equal("Lunch (moved)", updated!.Subject);
        Assert.Equal("Harry's Bar", updated.Location!.DisplayName);
        Assert.NotEqual(created.ChangeKey, updated.ChangeKey);

        await graph.Users[upn].Events[created.Id].DeleteAsync(cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Users[userId].Events[created.Id].GetAsync(cancellationToken: Ct));
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", gone.Error!.Code);
    }

    [Theory]
    [BothStores]
    public async Task A_signed_in_user_uses_me_events_me_calendar_and_me_calendarView_with_a_token_from_MSAL(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var signIn = await DelegatedSignIn.CreateAsync(server, "cal-" + store, "Calendars.ReadWrite");
        var graph = server.WithToken(await SignInAsync(server, signIn, "Calendars.ReadWrite"));
        var (otherUser, _) = await CreateUserAsync(server, "other");

        var created = await graph.Me.Events.PostAsync(new Event
        {
            Subject = "Standup",
            Start = new DateTimeTimeZone { DateTime = "2026-11-30T09:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-11-30T09:15:00", TimeZone = "UTC" },
        }, cancellationToken: Ct);
        var calendar = await graph.Me.Calendar.GetAsync(cancellationToken: Ct);
        var calendars = await graph.Me.Calendars.GetAsync(cancellationToken: Ct);
        var view = await CalendarViewAsync(graph.Me.CalendarView, "2026-11-30T00:00:00", "2026-12-01T00:00:00");
        var fromCalendar = await graph.Me.Calendars[calendar!.Id].Events.GetAsync(cancellationToken: Ct);
        var someoneElse = await Assert.ThrowsAsync<ODataError>(() => graph.Users[otherUser].Events.GetAsync(cancellationToken: Ct));

        Assert.Equal(signIn.Upn, created!.Organizer!.EmailAddress!.Address);
        Assert.True(calendar.IsDefaultCalendar);
        Assert.Equal(signIn.Upn, calendar.Owner!.Address);
        Assert.Equal(calendar.Id, Assert.Single(calendars!.Value!).Id);
        Assert.Equal(created.Id, Assert.Single(view).Id);
        Assert.Equal(created.Id, Assert.Single(fromCalendar!.Value!).Id);
        Assert.Equal((int)HttpStatusCode.Forbidden, someoneElse.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", someoneElse.Error!.Code);
    }

    [Theory]
    [BothStores]
    public async Task Without_a_calendar_permission_reads_are_403_and_with_Calendars_Read_writes_are_403(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var (userId, _) = await CreateUserAsync(server, "guarded");
        var usersOnly = server.AppOnly(await server.RegisterClientAsync("users-only-" + store, ("Microsoft Graph", "User.Read.All")));
        var readOnly = server.AppOnly(await server.RegisterClientAsync("calendar-reader-" + store, ("Microsoft Graph", "Calendars.Read")));

        var noRead = await Assert.ThrowsAsync<ODataError>(() => usersOnly.Users[userId].Events.GetAsync(cancellationToken: Ct));
        var read = await readOnly.Users[userId].Calendar.GetAsync(cancellationToken: Ct);
        var noWrite = await Assert.ThrowsAsync<ODataError>(() => readOnly.Users[userId].Events.PostAsync(new Event
        {
            Subject = "Not allowed",
            Start = new DateTimeTimeZone { DateTime = "2026-11-30T09:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-11-30T10:00:00", TimeZone = "UTC" },
        }, cancellationToken: Ct));
        var me = await Assert.ThrowsAsync<ODataError>(() => readOnly.Me.Events.GetAsync(cancellationToken: Ct));

        Assert.Equal((int)HttpStatusCode.Forbidden, noRead.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", noRead.Error!.Code);
        Assert.True(read!.IsDefaultCalendar);
        Assert.Equal((int)HttpStatusCode.Forbidden, noWrite.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", noWrite.Error!.Code);
        Assert.Equal((int)HttpStatusCode.BadRequest, me.ResponseStatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Filter_select_top_and_orderby_page_through_a_users_events_in_the_store(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var (userId, _) = await CreateUserAsync(server, "planner");
        var graph = server.AppOnly(await server.RegisterClientAsync("calendar-query-" + store, ("Microsoft Graph", "Calendars.ReadWrite")));
        foreach (var (subject, day) in new[] { ("Review A", 2), ("Standup 1", 3), ("Review B", 4), ("Review C", 1), ("Review D", 5) })
        {
            await graph.Users[userId].Events.PostAsync(new Event
            {
                Subject = subject,
                Start = new DateTimeTimeZone { DateTime = $"2026-12-0{day}T10:00:00", TimeZone = "UTC" },
                End = new DateTimeTimeZone { DateTime = $"2026-12-0{day}T11:00:00", TimeZone = "UTC" },
            }, cancellationToken: Ct);
        }

        var first = await graph.Users[userId].Events.GetAsync(request =>
        {
            request.QueryParameters.Filter = "startswith(subject,'review')";
            request.QueryParameters.Select = ["subject", "start"];
            request.QueryParameters.Top = 3;
            request.QueryParameters.Orderby = ["start/dateTime desc"];
        }, Ct);
        var seen = new List<Event>();
        var iterator = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(graph, first!, e =>
        {
            seen.Add(e);
            return true;
        });
        await iterator.IterateAsync(Ct);

        Assert.Equal(["Review D", "Review B", "Review A", "Review C"], seen.Select(e => e.Subject));
        Assert.All(seen, e => Assert.Null(e.Location));
        Assert.All(seen, e => Assert.NotNull(e.Id));
        Assert.NotNull(first!.OdataNextLink);
    }

    [Fact]
    public async Task Calendar_view_needs_its_window_ids_must_be_well_formed_and_a_preferred_time_zone_is_applied()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var (userId, _) = await CreateUserAsync(server, "wire");
        var client = await server.RegisterClientAsync("calendar-wire", ("Microsoft Graph", "Calendars.ReadWrite"));
        var graph = server.AppOnly(client);
        var created = await graph.Users[userId].Events.PostAsync(new Event
        {
            Subject = "Zoned",
            Start = new DateTimeTimeZone { DateTime = "2026-07-01T16:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-07-01T17:00:00", TimeZone = "UTC" },
        }, cancellationToken: Ct);
        using var http = server.RawGraph(await server.AppTokenAsync(client));

        using var noWindow = await http.GetAsync(new Uri($"users/{userId}/calendarView?startDateTime=2026-07-01T00:00:00", UriKind.Relative), Ct);
        using var malformed = await http.GetAsync(new Uri($"users/{userId}/events/not-an-id", UriKind.Relative), Ct);
        using var zoned = new HttpRequestMessage(HttpMethod.Get, $"users/{userId}/events/{created!.Id}");
        zoned.Headers.Add("Prefer", "outlook.timezone=\"Pacific Standard Time\"");
        using var zonedResponse = await http.SendAsync(zoned, Ct);
        var backwards = await Assert.ThrowsAsync<ODataError>(() => graph.Users[userId].Events.PostAsync(new Event
        {
            Start = new DateTimeTimeZone { DateTime = "2026-07-01T17:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-07-01T16:00:00", TimeZone = "UTC" },
        }, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadRequest, noWindow.StatusCode);
        Assert.Equal("ErrorInvalidParameter", (await ErrorAsync(noWindow)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("ErrorInvalidIdMalformed", (await ErrorAsync(malformed)).GetProperty("code").GetString());
        var zonedEvent = JsonDocument.Parse(await zonedResponse.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("2026-07-01T09:00:00.0000000", zonedEvent.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("Pacific Standard Time", zonedEvent.GetProperty("start").GetProperty("timeZone").GetString());
        Assert.Equal("outlook.timezone=\"Pacific Standard Time\"", zonedResponse.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal((int)HttpStatusCode.BadRequest, backwards.ResponseStatusCode);
    }

    private static async Task<List<Event>> CalendarViewAsync(Microsoft.Graph.Users.Item.CalendarView.CalendarViewRequestBuilder view, string start, string end) =>
        (await view.GetAsync(request =>
        {
            request.QueryParameters.StartDateTime = start;
            request.QueryParameters.EndDateTime = end;
        }, Ct))!.Value!;

    private static async Task<List<Event>> CalendarViewAsync(Microsoft.Graph.Me.CalendarView.CalendarViewRequestBuilder view, string start, string end) =>
        (await view.GetAsync(request =>
        {
            request.QueryParameters.StartDateTime = start;
            request.QueryParameters.EndDateTime = end;
        }, Ct))!.Value!;

    private static async Task<(string Id, string Upn)> CreateUserAsync(TokenServiceFixture server, string name)
    {
        var upn = $"{name}-{Guid.NewGuid():N}"[..24] + "@" + TokenServiceFixture.TenantDomain;
        var user = await GatehouseCli.JsonAsync(server.Store, "user", "create", "--upn", upn, "--password", "Cal3ndar!Passw0rd", "--display-name", name);
        return (user.GetProperty("id").GetString()!, upn);
    }

    /// <summary>MSAL.NET's authorization-code flow with PKCE: the person signs in on Gatehouse's page, the app redeems the code.</summary>
    internal static async Task<string> SignInAsync(TokenServiceFixture server, DelegatedSignIn signIn, string scope)
    {
        var msal = ConfidentialClientApplicationBuilder.Create(signIn.Client.AppId)
            .WithAuthority(server.Authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithClientSecret(signIn.Client.Secret)
            .WithRedirectUri(signIn.Redirect)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(server.TrustingHandler()))
            .Build();
        var url = await msal.GetAuthorizationRequestUrl([scope]).WithPkce(out var verifier).ExecuteAsync(Ct);
        using var response = await signIn.AuthorizeAsync(url.PathAndQuery);
        var code = DelegatedSignIn.Query(response.Headers.Location!)["code"];
        var result = await msal.AcquireTokenByAuthorizationCode([scope], code).WithPkceCodeVerifier(verifier).ExecuteAsync(Ct);
        return result.AccessToken;
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").Clone();
}
