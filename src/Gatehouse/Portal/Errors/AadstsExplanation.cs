namespace Gatehouse.Portal.Errors;

/// <summary>What one AADSTS code means to the person who got it, and where in the app registration to fix it.</summary>
/// <param name="Title">One line, as a heading.</param>
/// <param name="Meaning">What the token service refused, in plain words.</param>
/// <param name="Fix">What to change: in the app registration, the request or the directory.</param>
/// <param name="Blade">The app registration's blade that holds the fix, by its name in the portal's navigation; none when the fix is not there.</param>
internal sealed record AadstsExplanation(int Code, string Title, string Meaning, string Fix, AppBlade? Blade = null);

/// <summary>A blade of an app registration: its name in the navigation and its path under /applications/{id}.</summary>
internal sealed record AppBlade(string Name, string Path)
{
    public static readonly AppBlade Overview = new("Overview", "");
    public static readonly AppBlade Authentication = new("Authentication", "/authentication");
    public static readonly AppBlade Credentials = new("Certificates & secrets", "/credentials");
    public static readonly AppBlade Permissions = new("API permissions", "/permissions");
    public static readonly AppBlade ExposeApi = new("Expose an API", "/expose");
}
