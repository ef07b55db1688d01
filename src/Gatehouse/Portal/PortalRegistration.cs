using Gatehouse.Identity.Protocol;
using Gatehouse.Portal.Directories;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal;

/// <summary>The App registrations portal: Razor Pages under /Portal, one session cookie for the whole server.</summary>
internal static class PortalRegistration
{
    /// <summary>A page that fails shows the person the token service's error page, with the request ID to quote.</summary>
    private static readonly TokenServiceFailures PortalFailures = new("Sorry, something went wrong.");

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Portal";
            options.Conventions.AuthorizeFolder("/Applications");
            options.Conventions.AuthorizeFolder("/Monitoring");
            options.Conventions.AuthorizeFolder("/Directories");
            options.Conventions.AddDirectoryBlades();
            options.Conventions.AuthorizeFolder("/Connectors");
            options.Conventions.ConfigureFilter(new PageHeadersFilter());
            options.Conventions.ConfigureFilter(new PortalAuditInitiator());
        }).AddMvcOptions(options =>
        {
            // jQuery's bracket names (a[b]=c) are not used by any page here, and their reader throws on a name with an
            // unclosed bracket, which made a stray "&x[" in a posted password a 500: the plain readers take every name as it is.
            options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        });
        services.AddAuthentication(PortalSession.Scheme).AddCookie(PortalSession.Scheme, options =>
        {
            options.Cookie.Name = PortalSession.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;

            // None, as Entra's session cookies (docs/protocol/entra-protocol.md §3.7): a single-page app on another site renews silently with prompt=none in a
            // hidden iframe, where a Lax cookie is not sent. Every form that changes something checks an antiforgery
            // token, whose cookie stays SameSite=Strict, so a cross-site POST carrying this cookie still changes nothing.
            options.Cookie.SameSite = SameSiteMode.None;
            options.LoginPath = "/signin";
            options.AccessDeniedPath = "/denied";
            options.ExpireTimeSpan = PortalSession.Lifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = PortalSession.ValidateAsync;
        });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "gatehouse.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });
        // What a page shows once after its POST redirected (PRG): a new secret's value among it, so the cookie is
        // encrypted with the server's Data Protection keys, HttpOnly, Secure and Strict, and deleted once read.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "gatehouse.tempdata";
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.IsEssential = true;
        });
        services.AddScoped<PortalAccess>();
        services.AddScoped<Connectors.ConnectorInstanceList>();
        services.AddSingleton<RememberedAccounts>();
        services.AddScoped<DirectorySessions>();
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => Results.Redirect("/applications"));
        app.MapGet(Applications.ApplicationLogoEndpoint.Route, Applications.ApplicationLogoEndpoint.GetAsync).RequireAuthorization().WithMetadata(PortalFailures);
        app.MapRazorPages().WithMetadata(PortalFailures);
        return app;
    }
}
