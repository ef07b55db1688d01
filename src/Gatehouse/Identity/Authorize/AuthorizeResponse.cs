using System.Text;
using System.Text.Encodings.Web;

namespace Gatehouse.Identity.Authorize;

/// <summary>How the authorize endpoint answers: to the client's redirect URI in its response_mode, or on a page.</summary>
internal static class AuthorizeResponse
{
    public const string Query = "query";
    public const string Fragment = "fragment";
    public const string FormPost = "form_post";

    /// <summary>RFC 6749 §4.1.2, OAuth 2.0 Multiple Response Type Encoding Practices §2, Form Post Response Mode §2.</summary>
    public static async Task SendAsync(HttpContext context, string redirectUri, string responseMode, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var response = context.Response;
        TokenServiceHeaders.NoStore(response);
        var pairs = parameters.ToList();
        if (responseMode == FormPost)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/html; charset=utf-8";
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html><head><title>Working...</title></head><body onload=\"document.forms[0].submit()\">");
            html.Append("<form method=\"POST\" action=\"").Append(HtmlEncoder.Default.Encode(redirectUri)).Append("\">");
            foreach (var (name, value) in pairs)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(name))
                    .Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">");
            }

            html.Append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
            await response.WriteAsync(html.ToString(), context.RequestAborted);
            return;
        }

        var encoded = string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var separator = responseMode == Fragment ? "#" : redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        response.Redirect(redirectUri + separator + encoded);
    }

    public static Task SendErrorAsync(HttpContext context, string redirectUri, string responseMode, AadstsError error, string? state) =>
        SendAsync(context, redirectUri, responseMode, ErrorParameters(error, state));

    private static IEnumerable<KeyValuePair<string, string>> ErrorParameters(AadstsError error, string? state)
    {
        yield return new("error", error.Error);
        yield return new("error_description", $"AADSTS{error.Code}: {error.Message}");
        yield return new("error_codes", error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (state is not null)
        {
            yield return new("state", state);
        }
    }

    /// <summary>An error that must not go to the redirect URI (it is unknown or not the app's): shown to the person.</summary>
    public static async Task ShowErrorPageAsync(HttpContext context, AadstsError error)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/html; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        var message = HtmlEncoder.Default.Encode($"AADSTS{error.Code}: {error.Message}");
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in - Gatehouse</title><link rel="stylesheet" href="/portal.css"></head>
            <body><main id="main"><section class="panel"><h1>Sorry, but we're having trouble signing you in.</h1>
            <p class="error" role="alert" data-testid="aadsts-error">{message}</p>
            <p>Request Id: {HtmlEncoder.Default.Encode(TokenServiceHeaders.RequestId(context))}</p></section></main></body></html>
            """,
            context.RequestAborted);
    }
}
