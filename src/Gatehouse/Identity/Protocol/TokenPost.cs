using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// A POST to the token or device code endpoint, bound once as a handler parameter: its form, read within the body
/// limits and with each parameter given once, or the error that says why it could not be read.
/// </summary>
internal sealed class TokenPost
{
    /// <summary>Far above any real request (an assertion with its certificate chain is a few KB).</summary>
    public const long MaximumBodyBytes = 64 * 1024;

    /// <summary>An oversized body is read and dropped up to this size, so that the client hears why it was refused.</summary>
    public const long DrainedBodyBytes = 1024 * 1024;

    private TokenPost(Outcome<TokenRequest, AadstsError> request) => Request = request;

    public Outcome<TokenRequest, AadstsError> Request { get; }

    public static async ValueTask<TokenPost?> BindAsync(HttpContext context) => new(await ReadAsync(context));

    private static async Task<Outcome<TokenRequest, AadstsError>> ReadAsync(HttpContext context)
    {
        var form = await ReadFormAsync(context);
        if (!form.Succeeded)
        {
            return form.Error;
        }

        var request = new TokenRequest(form.Value);
        return request.RepeatedParameter is { } repeated ? Aadsts.RepeatedParameter(repeated) : request;
    }

    private static async Task<Outcome<IFormCollection, AadstsError>> ReadFormAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = declared > MaximumBodyBytes ? DrainedBodyBytes : MaximumBodyBytes;
        }

        if (declared > MaximumBodyBytes)
        {
            await DrainAsync(context);
            return Aadsts.BodyTooLarge(MaximumBodyBytes);
        }

        if (!context.Request.HasFormContentType)
        {
            return Aadsts.MalformedBody();
        }

        try
        {
            return Outcome<IFormCollection, AadstsError>.From(await context.Request.ReadFormAsync(context.RequestAborted));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Aadsts.BodyTooLarge(MaximumBodyBytes);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or InvalidOperationException or IOException)
        {
            return Aadsts.MalformedBody();
        }
    }

    private static async Task DrainAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // Larger than even the drain limit: Kestrel closes the connection after the response.
        }
    }
}
