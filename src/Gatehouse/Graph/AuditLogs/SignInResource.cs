using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.OData;

namespace Gatehouse.Graph.AuditLogs;

/// <summary>
/// The signIn resource (docs/protocol/graph-dataverse.md §2.9): v1.0's properties with beta's signInEventTypes and
/// service principal credential properties, and what $filter may use. Gatehouse has no conditional access, risk
/// detection or device registration on sign-in, so those properties say so ("notApplied", "none", empty).
/// </summary>
internal static class SignInResource
{
    public const int DefaultPageSize = 1000;
    public const string NewestFirst = "createdDateTime desc";

    private const FilterOperations Moment = FilterOperations.Equals | FilterOperations.Range;

    public static QueryMap<SignInLogEntry> Query { get; } = new QueryMap<SignInLogEntry>("signIn", e => e.Id)
        .Property("id", e => e.Id, FilterOperations.Equals)
        .Property("createdDateTime", e => e.CreatedDateTime, Moment, sorting: Sorting.Default)
        .Normalized("userPrincipalName", e => e.NormalizedUserPrincipalName, QueryMap<SignInLogEntry>.UpperInvariant,
            FilterOperations.Equals | FilterOperations.StartsWith)
        .Property("userId", e => e.UserId, FilterOperations.Equals)
        .Text("appId", e => e.AppId, FilterOperations.Equals)
        .Text("appDisplayName", e => e.AppDisplayName, FilterOperations.Equals | FilterOperations.StartsWith)
        .Property("status/errorCode", e => e.ErrorCode, FilterOperations.Equals | FilterOperations.NotEquals)
        .Property("correlationId", e => e.CorrelationId, FilterOperations.Equals)
        .Property("ipAddress", e => e.IpAddress, FilterOperations.Equals);

    public static GraphShape<SignInLogEntry> Shape { get; } = new GraphShape<SignInLogEntry>("signIn")
        .Add("id", e => e.Id)
        .Add("createdDateTime", e => e.CreatedDateTime)
        .Add("userDisplayName", e => e.UserDisplayName)
        .Add("userPrincipalName", e => e.UserPrincipalName)
        .Add("userId", e => e.UserId?.ToString() ?? "")
        .Add("appId", e => e.AppId)
        .Add("appDisplayName", e => e.AppDisplayName)
        .Add("ipAddress", e => e.IpAddress)
        .Add("clientAppUsed", e => e.EventType switch
        {
            SignInEventTypes.ServicePrincipal or SignInEventTypes.ManagedIdentity => null,
            SignInEventTypes.InteractiveUser when e.GrantType is null => "Browser",
            _ => "Mobile Apps and Desktop clients",
        })
        .Add("userAgent", e => e.UserAgent)
        .Add("correlationId", e => e.CorrelationId)
        .Add("conditionalAccessStatus", _ => "notApplied")
        .Add("isInteractive", e => e.EventType == SignInEventTypes.InteractiveUser)
        .Add("signInEventTypes", e => new JsonArray(e.EventType))
        .Add("riskDetail", _ => "none")
        .Add("riskLevelAggregated", _ => "none")
        .Add("riskLevelDuringSignIn", _ => "none")
        .Add("riskState", _ => "none")
        .Add("riskEventTypes", _ => new JsonArray())
        .Add("riskEventTypes_v2", _ => new JsonArray())
        .Add("resourceDisplayName", e => e.ResourceDisplayName)
        .Add("resourceId", e => e.ResourceId)
        .Add("servicePrincipalId", e => SignInEventTypes.IsAppOnly(e.EventType) ? e.ServicePrincipalId?.ToString() : null)
        .Add("servicePrincipalName", e => SignInEventTypes.IsAppOnly(e.EventType) ? e.AppDisplayName : null)
        .Add("servicePrincipalCredentialKeyId", e => e.CredentialKeyId)
        .Add("servicePrincipalCredentialThumbprint", e => e.CertificateThumbprint ?? "")
        .Add("clientCredentialType", e => e.ClientCredentialType)
        .Add("status", e => new JsonObject
        {
            ["errorCode"] = e.ErrorCode,
            ["failureReason"] = e.ErrorCode == 0 ? "Other." : e.FailureReason,
            ["additionalDetails"] = e.SecretHint is null ? null : $"Client secret with hint '{e.SecretHint}'.",
        })
        .Add("deviceDetail", _ => new JsonObject
        {
            ["deviceId"] = "", ["displayName"] = "", ["operatingSystem"] = "", ["browser"] = "", ["isCompliant"] = false, ["isManaged"] = false, ["trustType"] = "",
        })
        .Add("location", _ => new JsonObject { ["city"] = null, ["state"] = null, ["countryOrRegion"] = null, ["geoCoordinates"] = null })
        .Add("appliedConditionalAccessPolicies", _ => new JsonArray());
}
