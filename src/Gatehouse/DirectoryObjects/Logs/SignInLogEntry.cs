namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// One sign-in, successful or refused (docs/protocol/graph-dataverse.md §2.9): a user's, interactive on a sign-in page
/// or not (a token redeemed or refreshed), or a service principal's (client credentials). Never holds a secret, a
/// token or a password: the credential is named by its key ID, its hint or its certificate's thumbprint.
/// </summary>
internal sealed class SignInLogEntry
{
    public const int MaximumTextLength = 256;

    /// <summary>Time-ordered, so that the log's writes append to its primary key rather than land all over it.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>interactiveUser, nonInteractiveUser, servicePrincipal or managedIdentity (Graph beta's signInEventTypes).</summary>
    public string EventType { get; set; } = SignInEventTypes.ServicePrincipal;

    public Guid? UserId { get; set; }

    public string? UserPrincipalName { get; set; }

    /// <summary><see cref="UserPrincipalName"/> upper-cased, which $filter compares against.</summary>
    public string? NormalizedUserPrincipalName { get; set; }

    public string? UserDisplayName { get; set; }

    /// <summary>The client's application ID as the request named it (a refused request's may not be a GUID).</summary>
    public string? AppId { get; set; }

    public string? AppDisplayName { get; set; }

    public Guid? ServicePrincipalId { get; set; }

    public string? ResourceId { get; set; }

    public string? ResourceDisplayName { get; set; }

    /// <summary>The OAuth grant, or "password" for a sign-in page.</summary>
    public string? GrantType { get; set; }

    /// <summary>0 on success, else the AADSTS code of the refusal.</summary>
    public int ErrorCode { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>none, clientSecret, clientAssertion, certificate or managedIdentity (Graph beta's clientCredentialType).</summary>
    public string ClientCredentialType { get; set; } = "none";

    public Guid? CredentialKeyId { get; set; }

    /// <summary>The first characters of the secret that matched, as its passwordCredential's hint shows them.</summary>
    public string? SecretHint { get; set; }

    /// <summary>The certificate's SHA-1 thumbprint, upper-case hex.</summary>
    public string? CertificateThumbprint { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public string? CorrelationId { get; set; }

    public static string? Cut(string? text) => text is { Length: > MaximumTextLength } ? text[..MaximumTextLength] : text;
}

/// <summary>The kinds of sign-in, as Graph beta's signInEventTypes names them.</summary>
internal static class SignInEventTypes
{
    public const string InteractiveUser = "interactiveUser";
    public const string NonInteractiveUser = "nonInteractiveUser";
    public const string ServicePrincipal = "servicePrincipal";
    public const string ManagedIdentity = "managedIdentity";

    /// <summary>Whether the sign-in was an application's own, with no user: a service principal's or a managed identity's.</summary>
    public static bool IsAppOnly(string eventType) => eventType is ServicePrincipal or ManagedIdentity;
}
