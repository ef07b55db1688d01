using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal;

/// <summary>
/// A blade of one directory object (a user, a group, an enterprise application): the object's ID from the route, its
/// name in the heading and breadcrumb, and the object's left navigation (<c>_ObjectBlade</c>).
/// </summary>
internal abstract class ObjectBladeModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The blade's name in the left navigation and the heading.</summary>
    public abstract string Blade { get; }

    /// <summary>The list the object belongs to, as the breadcrumb links it: ("Users", "/users").</summary>
    public abstract (string Name, string Path) Parent { get; }

    /// <summary>The object's left navigation, grouped as the admin center groups it; paths under <see cref="BasePath"/>.</summary>
    public abstract IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; }

    public string ObjectName { get; private set; } = "";

    /// <summary>Why the form just posted changed nothing, shown above it with what was typed.</summary>
    public string? Problem { get; private set; }

    public string BasePath => $"{Parent.Path}/{Id}";

    /// <summary>A message the previous request left for this view (after a POST, redirected here).</summary>
    [TempData]
    public string? Message { get; set; }

    protected void Named(string name)
    {
        ObjectName = name;
        ViewData["Title"] = $"{name} - {Blade}";
    }

    /// <summary>The blade again with the refusal above the form, answered 400.</summary>
    protected void Refused(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    protected IActionResult NotFoundPage() => RedirectToPage("/Denied", new { reason = PortalRefusal.ObjectNotFound });

    /// <summary>Back to this blade (or another path under the object) after a form: POST, then redirect.</summary>
    protected IActionResult Done(string? message = null, string path = "")
    {
        Message = message;
        return Redirect(BasePath + path);
    }
}
