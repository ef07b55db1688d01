using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal;

/// <summary>Says why the portal refused, in words fixed here (never text taken from the URL).</summary>
internal sealed class DeniedModel : PageModel
{
    public string Heading { get; private set; } = "Access denied";

    public string Explanation { get; private set; } = "You don't have access to this page.";

    public void OnGet(PortalRefusal? reason)
    {
        Response.StatusCode = reason is PortalRefusal.NotFound or PortalRefusal.ObjectNotFound or PortalRefusal.InstanceNotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
        (Heading, Explanation) = reason switch
        {
            PortalRefusal.NotFound => ("Application not found", "The application does not exist in this directory, or it was deleted."),
            PortalRefusal.NotOwner => ("Access denied", "Only the application's owners and the Global, Application and Cloud Application Administrators can manage this application."),
            PortalRefusal.NotAdministrator => ("Administrator required", "Only a Global Administrator, Application Administrator or Cloud Application Administrator can grant or revoke admin consent for this directory."),
            PortalRefusal.NotLogReader => ("Access denied", "Only a Global Administrator can read this directory's sign-in and audit logs."),
            PortalRefusal.NotUserAdministrator => ("Access denied", "Only a Global Administrator or User Administrator can manage this directory's users and groups."),
            PortalRefusal.NotAppAdministrator => ("Access denied", "Only a Global Administrator, Application Administrator or Cloud Application Administrator can manage enterprise applications and deleted applications."),
            PortalRefusal.ObjectNotFound => ("Not found", "The object does not exist in this directory, or it was deleted."),
            PortalRefusal.NotConnectorAdministrator => ("Access denied", "Only a Global Administrator can see and manage the connector instances of this directory's apps."),
            PortalRefusal.InstanceNotFound => ("Instance not found", "No connector instance with this ID authenticates with an app registration of this directory."),
            PortalRefusal.RegistrationDisabled => ("Registration is turned off", "Your directory does not let users register applications. Ask an administrator to register it, or to give you the Application Developer role."),
            _ => (Heading, "You need to sign in with an account that has access to this page."),
        };
    }
}
