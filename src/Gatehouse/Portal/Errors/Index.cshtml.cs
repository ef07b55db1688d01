using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Errors;

/// <summary>
/// /error?code=AADSTS…: what the code means and what to change, for anyone (it is the error_uri of every token service
/// error); an unknown or malformed code is answered 404 with the list of codes, and no code with the list alone.
/// </summary>
internal sealed class ErrorCodeModel : PageModel
{
    public string? Requested { get; private set; }

    public int? Code { get; private set; }

    public AadstsExplanation? Explanation { get; private set; }

    public void OnGet(string? code)
    {
        ViewData["Title"] = "Sign-in error codes";
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        Requested = code.Length > 64 ? code[..64] : code;
        Code = AadstsExplanations.ParseCode(code);
        Explanation = Code is { } known ? AadstsExplanations.Find(known) : null;
        if (Explanation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ViewData["Title"] = $"AADSTS{Explanation.Code}";
    }
}
