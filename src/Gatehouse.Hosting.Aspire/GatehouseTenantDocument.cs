using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The tenant document (README "The tenant document") of the applications declared in the app host: the default
/// tenant with each app, its client secret and admin consent, imported by `serve --import`.
/// </summary>
internal static class GatehouseTenantDocument
{
    public static async Task<string> WriteAsync(GatehouseResource resource, CancellationToken cancellationToken)
    {
        var applications = new JsonArray();
        foreach (var application in resource.Applications)
        {
            var entry = new JsonObject
            {
                ["appId"] = application.ClientId.ToString(),
                ["displayName"] = application.Name,
            };
            if (application.ClientSecret is { } secret)
            {
                entry["passwordCredentials"] = new JsonArray(new JsonObject
                {
                    ["displayName"] = "Aspire app host",
                    ["secretText"] = await secret.GetValueAsync(cancellationToken),
                });
            }

            applications.Add(entry);
        }

        var document = new JsonObject
        {
            ["schema"] = "gatehouse.tenant/v1",
            ["tenant"] = new JsonObject
            {
                ["id"] = resource.TenantId.ToString(),
                ["displayName"] = "Default Directory",
                ["domains"] = new JsonArray(new JsonObject { ["name"] = GatehouseResource.DefaultTenantDomain, ["isDefault"] = true, ["isInitial"] = true }),
            },
            ["applications"] = applications,
        };

        OwnerOnlyFiles.CreateDirectory(resource.FilesDirectory);
        OwnerOnlyFiles.Write(resource.TenantDocumentPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return resource.TenantDocumentPath;
    }
}
