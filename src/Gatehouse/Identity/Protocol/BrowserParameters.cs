using Microsoft.Extensions.Primitives;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The parameters of a request a browser brings to the token service (authorize, admin consent, logout): the query,
/// or the form of a POST, each parameter's first value. Bound once as a handler parameter; a form that cannot be read
/// (a value that is not URL-encoded UTF-8 or decodes to a NUL, a form past ASP.NET Core's limits) binds as a
/// <see cref="Refusal"/> that the endpoint shows instead of acting.
/// </summary>
internal sealed class BrowserParameters(Dictionary<string, string> values, AadstsError? refusal = null)
{
    public string? this[string name] => values.GetValueOrDefault(name);

    public AadstsError? Refusal => refusal;

    public static async ValueTask<BrowserParameters?> BindAsync(HttpContext context)
    {
        IEnumerable<KeyValuePair<string, StringValues>> source = context.Request.Query;
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            try
            {
                source = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return new([], Aadsts.UnreadableForm());
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in source)
        {
            if (given.Count > 0 && given[0] is { } first)
            {
                values[name] = first;
            }
        }

        return new(values);
    }

    /// <summary>This request's query again, for the sign-in and consent pages to return to: without the consent pages' answer and the parameters named.</summary>
    public string QueryWithout(params string[] names) =>
        string.Join('&', Without(names).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>This request's parameters but the consent pages' answer and those named, for a page to send back.</summary>
    public IEnumerable<KeyValuePair<string, string>> Without(params string[] names) =>
        values.Where(p => p.Key != ConsentOutcome.Parameter && !names.Contains(p.Key, StringComparer.Ordinal));
}
