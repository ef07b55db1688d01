using System.Reflection;
using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>
/// An accepted Graph request: the caller, whether only their own object is within reach (a <see cref="GraphOperation.Self"/>
/// permission let them in), and the base URL the response's links are built on (…/v1.0 or …/beta).
/// Handlers take it as a parameter; <see cref="GraphGate"/> has made it before any handler runs.
/// </summary>
internal sealed record GraphRequest(Caller Caller, bool SelfOnly, string ServiceRoot, HttpContext Context)
{
    private const string Key = "Gatehouse.Graph.Request";

    public Guid TenantId => Caller.TenantId;

    /// <summary>ConsistencyLevel: eventual, which $search, /$count and advanced queries need.</summary>
    public bool EventualConsistency =>
        Context.Request.Headers["ConsistencyLevel"].ToString().Equals("eventual", StringComparison.OrdinalIgnoreCase);

    public static ValueTask<GraphRequest?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Items[Key] as GraphRequest);

    public void Attach() => Context.Items[Key] = this;

    /// <summary>Whether this request may touch the object: always, unless a Self permission limits it to the signed-in user.</summary>
    public bool MayReach(Guid objectId) => !SelfOnly || Caller.UserId == objectId;
}
