namespace Gatehouse.Identity.Protocol;

/// <summary>
/// Which of Entra's two endpoint versions a route serves (docs/protocol/entra-protocol.md §3.4–3.5): v1.0 names the API
/// with `resource` and writes numbers as strings, v2.0 takes `scope`. Set on the route as metadata and bound as a
/// handler parameter, so one handler serves both paths.
/// </summary>
internal sealed class ProtocolVersion
{
    public static readonly ProtocolVersion V1 = new(isV2: false);
    public static readonly ProtocolVersion V2 = new(isV2: true);

    private ProtocolVersion(bool isV2) => IsV2 = isV2;

    public bool IsV2 { get; }

    public static ValueTask<ProtocolVersion?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.GetEndpoint()?.Metadata.GetMetadata<ProtocolVersion>());
}
