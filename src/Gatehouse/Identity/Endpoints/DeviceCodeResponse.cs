using System.Globalization;
using System.Text.Json;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// The device authorization response (RFC 8628 §3.2). v1.0 names the page verification_url and writes numbers as
/// strings (MSAL.NET reads either; DeviceCodeResponse.cs).
/// </summary>
internal sealed class DeviceCodeResponse(string deviceCode, string userCode, string verificationUri, ProtocolVersion version) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        var expiresIn = (int)DeviceAuthorizations.Lifetime.TotalSeconds;
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("user_code", userCode);
        writer.WriteString("device_code", deviceCode);
        writer.WriteString(version.IsV2 ? "verification_uri" : "verification_url", verificationUri);
        if (version.IsV2)
        {
            writer.WriteNumber("expires_in", expiresIn);
            writer.WriteNumber("interval", DeviceAuthorizations.IntervalSeconds);
        }
        else
        {
            writer.WriteString("expires_in", expiresIn.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("interval", DeviceAuthorizations.IntervalSeconds.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteString("message", $"To sign in, use a web browser to open the page {verificationUri} and enter the code {userCode} to authenticate.");
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
