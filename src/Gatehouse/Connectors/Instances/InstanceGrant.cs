namespace Gatehouse.Connectors.Instances;

/// <summary>How an instance gets its access tokens (configuration key oauth.grant.type).</summary>
internal static class InstanceGrant
{
    public const string AuthorizationCode = "authorization_code";
    public const string ClientCredentials = "client_credentials";
}
