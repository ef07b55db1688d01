namespace Gatehouse.Identity.Protocol;

/// <summary>
/// GET /msi/token, App Service's identity endpoint, version 2019-08-01 (docs/protocol/entra-protocol.md §8.2),
/// bound once: the request and the X-IDENTITY-HEADER secret it presents.
/// </summary>
internal sealed class AppServiceTokenRequest
{
    public const string ApiVersion = "2019-08-01";
    public const string IdentityHeaderName = "X-IDENTITY-HEADER";

    private AppServiceTokenRequest(Outcome<ManagedIdentityTokenRequest, ManagedIdentityError> request, string identityHeader)
    {
        Request = request;
        IdentityHeader = identityHeader;
    }

    public Outcome<ManagedIdentityTokenRequest, ManagedIdentityError> Request { get; }

    public string IdentityHeader { get; }

    public static ValueTask<AppServiceTokenRequest?> BindAsync(HttpContext context)
    {
        var header = context.Request.Headers[IdentityHeaderName];
        var request = header.Count == 1 && !string.IsNullOrEmpty(header[0])
            ? ManagedIdentityTokenRequest.Read(context.Request.Query, "mi_res_id", v => v == ApiVersion, ApiVersion)
            : ManagedIdentityError.InvalidIdentityHeader();
        return ValueTask.FromResult<AppServiceTokenRequest?>(new(request, header.Count == 1 ? header[0] ?? "" : ""));
    }
}
