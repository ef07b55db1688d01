using Gatehouse.DirectoryObjects.Logs;

namespace Gatehouse.Graph;

/// <summary>
/// Names the caller of an admitted Graph request as the initiator of the directory changes it makes: the signed-in
/// user of a delegated token, else the app's service principal (docs/protocol/graph-dataverse.md §2.9).
/// </summary>
internal sealed class GraphAuditInitiator(GraphGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && gate.Admitted(context.HttpContext) is { Caller: var caller })
        {
            var address = context.HttpContext.Connection.RemoteIpAddress?.ToString();
            AuditInitiator.Set(caller.UserId is { } userId
                ? AuditInitiator.ForUser(userId, null, null, address)
                : AuditInitiator.ForApp(caller.ObjectId, caller.ClientAppId.ToString(), null, address));
        }

        return await next(context);
    }
}
