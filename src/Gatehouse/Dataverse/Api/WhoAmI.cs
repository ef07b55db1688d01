namespace Gatehouse.Dataverse.Api;

/// <summary>GET WhoAmI: the caller's system user, business unit and organization (docs/protocol/graph-dataverse.md §6).</summary>
internal static class WhoAmI
{
    public static IResult Handle(DataverseRequest request) => new JsonResponse(StatusCodes.Status200OK, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", $"{request.ServiceRoot}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        writer.WriteString("BusinessUnitId", request.Environment.BusinessUnitId);
        writer.WriteString("UserId", request.Caller.User.Id);
        writer.WriteString("OrganizationId", request.Environment.OrganizationId);
        writer.WriteEndObject();
    });
}
