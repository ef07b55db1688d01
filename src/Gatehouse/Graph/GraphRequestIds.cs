namespace Gatehouse.Graph;

/// <summary>
/// Graph's correlation headers: a fresh request-id for every response, and the caller's client-request-id echoed (a new
/// one when the caller sent none), both also in every error's innerError.
/// </summary>
internal sealed record GraphRequestIds(string RequestId, string ClientRequestId)
{
    private const string Key = "Gatehouse.Graph.RequestIds";

    public static GraphRequestIds Of(HttpContext context)
    {
        if (context.Items[Key] is GraphRequestIds ids)
        {
            return ids;
        }

        var sent = context.Request.Headers["client-request-id"].ToString();
        var requestId = Guid.NewGuid().ToString();
        ids = new GraphRequestIds(requestId, Guid.TryParse(sent, out var clientRequestId) ? clientRequestId.ToString() : requestId);
        context.Items[Key] = ids;
        ids.Stamp(context.Response);
        return ids;
    }

    /// <summary>Both ids as response headers (again, after an exception handler cleared the response).</summary>
    public void Stamp(HttpResponse response)
    {
        response.Headers["request-id"] = RequestId;
        response.Headers["client-request-id"] = ClientRequestId;
    }
}
