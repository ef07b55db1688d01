namespace Gatehouse.ResourceServer;

/// <summary>Why a bearer token was not accepted; each surface words it in its own error dialect.</summary>
internal enum TokenRejection
{
    /// <summary>No Authorization header, or no token in it.</summary>
    Missing,

    /// <summary>Not a JWS compact serialisation, or missing the claims every Entra access token has.</summary>
    Malformed,

    /// <summary>Not signed by one of this server's published keys.</summary>
    InvalidSignature,

    /// <summary>Issued for another tenant or authority.</summary>
    InvalidIssuer,

    /// <summary>Issued for another resource.</summary>
    InvalidAudience,

    Expired,

    NotYetValid,
}
