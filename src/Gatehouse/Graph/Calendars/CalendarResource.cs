using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Calendars;

/// <summary>The calendar resource (docs/protocol/graph-dataverse.md §2.8), owned by the mailbox's user.</summary>
internal static class CalendarResource
{
    public static JsonObject Write(Calendar calendar, User owner) => new()
    {
        ["@odata.etag"] = $"W/\"{calendar.ChangeKey}\"",
        ["id"] = OutlookIds.Write(calendar.Id),
        ["name"] = calendar.Name,
        ["color"] = calendar.Color,
        ["hexColor"] = "",
        ["isDefaultCalendar"] = calendar.IsDefaultCalendar,
        ["changeKey"] = calendar.ChangeKey,
        ["canShare"] = true,
        ["canViewPrivateItems"] = true,
        ["canEdit"] = true,
        ["allowedOnlineMeetingProviders"] = new JsonArray(),
        ["defaultOnlineMeetingProvider"] = "none",
        ["isTallyingResponses"] = true,
        ["isRemovable"] = !calendar.IsDefaultCalendar,
        ["owner"] = new JsonObject { ["name"] = owner.DisplayName, ["address"] = owner.Mail ?? owner.UserPrincipalName },
    };
}
