using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Gatehouse.ResourceServer;

/// <summary>
/// Single-page apps calling a resource API from their own origin with a bearer token: any origin, never credentials
/// (no cookie is involved), the API's verbs, whatever request headers the preflight asks for, and the response headers
/// the API's client libraries read exposed (docs/protocol/graph-dataverse.md §7).
/// </summary>
internal static class BrowserCallers
{
    /// <summary>How long a browser may reuse a preflight's answer.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromHours(1);

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>The named policy a surface's route groups require, exposing <paramref name="exposedHeaders"/> (and WWW-Authenticate, Retry-After, Location, ETag).</summary>
    public static IServiceCollection AddBrowserCallers(this IServiceCollection services, string policyName, params string[] exposedHeaders) =>
        services.AddCors(cors => cors.AddPolicy(policyName, policy => Configure(policy, exposedHeaders)));

    private static void Configure(CorsPolicyBuilder policy, string[] exposedHeaders) => policy
        .AllowAnyOrigin()
        .WithMethods(Methods)
        .AllowAnyHeader()
        .WithExposedHeaders(["WWW-Authenticate", "Retry-After", "Location", "ETag", .. exposedHeaders])
        .SetPreflightMaxAge(PreflightMaxAge);
}
