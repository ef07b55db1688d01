using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// An answer sent to the client's registered redirect URI in its response mode (RFC 6749 §4.1.2, OAuth 2.0 Multiple
/// Response Type Encoding Practices §2, Form Post Response Mode §2): a redirect with the parameters in the query or
/// the fragment, or a page that posts them.
/// </summary>
internal sealed class RedirectToClient(string redirectUri, string responseMode, IReadOnlyList<KeyValuePair<string, string>> parameters) : IResult
{
    /// <summary>An error for the client, as RFC 6749 §4.1.2.1 sends it, with Entra's AADSTS code.</summary>
    public static RedirectToClient Error(string redirectUri, string responseMode, AadstsError error, string? state)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("error", error.Error),
            new("error_description", $"AADSTS{error.Code}: {error.Message}"),
            new("error_codes", error.Code.ToString(CultureInfo.InvariantCulture)),
        ];
        if (state is not null)
        {
            parameters.Add(new("state", state));
        }

        return new(redirectUri, responseMode, parameters);
    }

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        TokenServiceHeaders.NoStore(response);
        if (responseMode == ResponseMode.FormPost)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/html; charset=utf-8";
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html><head><title>Working...</title></head><body onload=\"document.forms[0].submit()\">");
            html.Append("<form method=\"POST\" action=\"").Append(HtmlEncoder.Default.Encode(redirectUri)).Append("\">");
            foreach (var (name, value) in parameters)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(name))
                    .Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">");
            }

            html.Append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
            await response.WriteAsync(html.ToString(), context.RequestAborted);
            return;
        }

        if (parameters.Count == 0)
        {
            response.Redirect(redirectUri);
            return;
        }

        var encoded = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var separator = responseMode == ResponseMode.Fragment ? "#" : redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        response.Redirect(redirectUri + separator + encoded);
    }
}
