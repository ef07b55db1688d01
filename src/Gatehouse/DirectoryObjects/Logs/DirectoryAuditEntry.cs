using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// One change to the directory (docs/protocol/graph-dataverse.md §2.9): what was done, by whom (a user or an app, or
/// the command line), to which object, and the properties it changed. A credential is named by its key ID and hint,
/// never by its value.
/// </summary>
internal sealed record DirectoryAuditEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TenantId { get; set; }

    public DateTimeOffset ActivityDateTime { get; set; }

    /// <summary>Entra's activity name: "Add application", "Update application – Certificates and secrets management"…</summary>
    public string ActivityDisplayName { get; set; } = "";

    /// <summary>ApplicationManagement, UserManagement, RoleManagement, GroupManagement, KeyManagement, DirectoryManagement.</summary>
    public string Category { get; set; } = "";

    /// <summary>Add, Update, Delete or Assign.</summary>
    public string OperationType { get; set; } = "";

    /// <summary>user, app, cli for the management verbs, or system for Gatehouse itself.</summary>
    public string InitiatorType { get; set; } = AuditInitiator.CommandLine;

    public Guid? InitiatorId { get; set; }

    public string? InitiatorAppId { get; set; }

    public string? InitiatorDisplayName { get; set; }

    public string? InitiatorUserPrincipalName { get; set; }

    public string? InitiatorIpAddress { get; set; }

    public string? TargetId { get; set; }

    /// <summary>Application, ServicePrincipal, User, Group, Role, Tenant or SigningKey.</summary>
    public string TargetType { get; set; } = "";

    public string? TargetDisplayName { get; set; }

    public string? TargetUserPrincipalName { get; set; }

    /// <summary>The changed properties as a JSON array of {displayName, oldValue, newValue}.</summary>
    public string ModifiedProperties { get; set; } = "[]";

    public string? CorrelationId { get; set; }

    private const int MaximumValueLength = 1024;

    /// <summary>A change to one object; <see cref="DirectoryAuditInterceptor"/> stamps its time and initiator as it is saved.</summary>
    public static DirectoryAuditEntry About(
        Guid tenantId, string category, (string Activity, string Operation) verb, string targetType, string? targetId, string? targetName, string modifiedProperties) => new()
    {
        TenantId = tenantId,
        Category = category,
        ActivityDisplayName = verb.Activity,
        OperationType = verb.Operation,
        TargetType = targetType,
        TargetId = targetId,
        TargetDisplayName = targetName,
        ModifiedProperties = modifiedProperties,
    };

    /// <summary>One of <see cref="ModifiedProperties"/>: a property's old and new value, each as Entra writes it.</summary>
    public static JsonObject ModifiedProperty(string name, object? oldValue, object? newValue) => new()
    {
        ["displayName"] = name,
        ["oldValue"] = Value(oldValue),
        ["newValue"] = Value(newValue),
    };

    /// <summary>A value as Entra writes it: JSON text, cut to a length an entry can hold.</summary>
    private static string? Value(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(value);
        return json.Length > MaximumValueLength ? json[..MaximumValueLength] : json;
    }
}
