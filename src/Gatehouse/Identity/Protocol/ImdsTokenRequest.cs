using System.Globalization;
using System.Net;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// GET /metadata/identity/oauth2/token, Azure's instance metadata service (docs/protocol/entra-protocol.md §8.1),
/// bound once: it carries no secret, so it is answered only with the Metadata header (which a browser cannot be
/// made to send across origins) and only to callers on this host, as Azure's is reachable only inside the VM.
/// </summary>
internal sealed class ImdsTokenRequest
{
    private ImdsTokenRequest(Outcome<ManagedIdentityTokenRequest, ManagedIdentityError> request) => Request = request;

    public Outcome<ManagedIdentityTokenRequest, ManagedIdentityError> Request { get; }

    private static readonly DateOnly FirstVersion = new(2018, 2, 1);

    public static ValueTask<ImdsTokenRequest?> BindAsync(HttpContext context) => ValueTask.FromResult<ImdsTokenRequest?>(new(Read(context)));

    private static Outcome<ManagedIdentityTokenRequest, ManagedIdentityError> Read(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return ManagedIdentityError.NotFromThisHost();
        }

        if (!string.Equals(context.Request.Headers["Metadata"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return ManagedIdentityError.MissingMetadataHeader();
        }

        // Every IMDS identity api-version since 2018-02-01 takes the same query and answers the same JSON.
        return ManagedIdentityTokenRequest.Read(
            context.Request.Query, "msi_res_id", v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= FirstVersion, "2018-02-01 or later");
    }
}
