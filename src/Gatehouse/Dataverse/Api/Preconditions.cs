namespace Gatehouse.Dataverse.Api;

/// <summary>
/// If-Match and If-None-Match on writes (RFC 9110 §13.1; docs/protocol/graph-dataverse.md §6): If-Match: * means
/// update only, never create; If-Match: W/"v" means only while the row is at version v; If-None-Match: * means
/// create only, never update.
/// </summary>
internal sealed record Preconditions(bool MustExist, long? Version, bool MustNotExist)
{
    public static Outcome<Preconditions, DataverseError> Read(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString().Trim();
        long? version = null;
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            var tag = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
            if (!long.TryParse(tag.Trim('"'), out var parsed))
            {
                return DataverseError.InvalidArgument($"The If-Match header '{ifMatch}' is not an ETag this service issued.");
            }

            version = parsed;
        }

        // Clients send If-None-Match: null on every request, as Dataverse's samples do; only * is a precondition.
        return new Preconditions(ifMatch.Length > 0, version, ifNoneMatch == "*");
    }
}
