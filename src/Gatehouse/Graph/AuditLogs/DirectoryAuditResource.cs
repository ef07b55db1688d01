using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.OData;

namespace Gatehouse.Graph.AuditLogs;

/// <summary>The directoryAudit resource (docs/protocol/graph-dataverse.md §2.9) and what $filter may use.</summary>
internal static class DirectoryAuditResource
{
    public const int DefaultPageSize = 1000;
    public const string NewestFirst = "activityDateTime desc";

    public static QueryMap<DirectoryAuditEntry> Query { get; } = new QueryMap<DirectoryAuditEntry>("directoryAudit", e => e.Id)
        .Property("id", e => e.Id, FilterOperations.Equals)
        .Property("activityDateTime", e => e.ActivityDateTime, FilterOperations.Equals | FilterOperations.Range, sorting: Sorting.Default)
        .Text("activityDisplayName", e => e.ActivityDisplayName, FilterOperations.Equals | FilterOperations.StartsWith)
        .Text("category", e => e.Category, FilterOperations.Equals)
        .Text("operationType", e => e.OperationType, FilterOperations.Equals)
        .Property("correlationId", e => e.CorrelationId, FilterOperations.Equals)
        .Text("initiatedBy/app/appId", e => e.InitiatorAppId, FilterOperations.Equals)
        .Text("initiatedBy/user/userPrincipalName", e => e.InitiatorUserPrincipalName, FilterOperations.Equals | FilterOperations.StartsWith)
        .Text("targetResources/id", e => e.TargetId, FilterOperations.Equals);

    public static GraphShape<DirectoryAuditEntry> Shape { get; } = new GraphShape<DirectoryAuditEntry>("directoryAudit")
        .Add("id", e => e.Id)
        .Add("category", e => e.Category)
        .Add("correlationId", e => e.CorrelationId)
        .Add("result", _ => "success")
        .Add("resultReason", _ => "")
        .Add("activityDisplayName", e => e.ActivityDisplayName)
        .Add("activityDateTime", e => e.ActivityDateTime)
        .Add("loggedByService", _ => "Core Directory")
        .Add("operationType", e => e.OperationType)
        .Add("initiatedBy", Initiator)
        .Add("targetResources", e => new JsonArray(new JsonObject
        {
            ["id"] = e.TargetId,
            ["displayName"] = e.TargetDisplayName,
            ["type"] = e.TargetType,
            ["userPrincipalName"] = e.TargetUserPrincipalName,
            ["groupType"] = null,
            ["modifiedProperties"] = JsonNode.Parse(e.ModifiedProperties),
        }))
        .Add("additionalDetails", e => e.InitiatorType == AuditInitiator.CommandLine
            ? new JsonArray(new JsonObject { ["key"] = "initiatedBy", ["value"] = "gatehouse CLI" })
            : new JsonArray());

    /// <summary>initiatedBy: a user or an app; a change made with the management verbs has neither.</summary>
    private static JsonObject Initiator(DirectoryAuditEntry e) => new()
    {
        ["app"] = e.InitiatorType == AuditInitiator.App
            ? new JsonObject
            {
                ["appId"] = e.InitiatorAppId,
                ["displayName"] = e.InitiatorDisplayName,
                ["servicePrincipalId"] = e.InitiatorId?.ToString(),
                ["servicePrincipalName"] = e.InitiatorDisplayName,
            }
            : null,
        ["user"] = e.InitiatorType == AuditInitiator.User
            ? new JsonObject
            {
                ["id"] = e.InitiatorId?.ToString(),
                ["displayName"] = e.InitiatorDisplayName,
                ["userPrincipalName"] = e.InitiatorUserPrincipalName,
                ["ipAddress"] = e.InitiatorIpAddress,
            }
            : null,
    };
}
