using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Arm;

/// <summary>
/// The two lists `az login` reads (docs/protocol/azure-cli.md §2): the caller's tenant, and the one subscription each
/// tenant has.
/// </summary>
internal static class ArmLists
{
    public static RouteGroupBuilder MapArmLists(this RouteGroupBuilder arm)
    {
        arm.MapGet("/tenants", ListTenantsAsync);
        arm.MapGet("/subscriptions", ListSubscriptionsAsync);
        return arm;
    }

    private static async Task<IResult> ListTenantsAsync(ArmRequest request, GatehouseDb db, CancellationToken cancellationToken)
    {
        if (await CallerTenantAsync(request, db, cancellationToken) is not { } tenant)
        {
            return List(null);
        }

        return List(new JsonObject
        {
            ["id"] = $"/tenants/{tenant.Id}",
            ["tenantId"] = tenant.Id.ToString(),
            ["countryCode"] = null,
            ["displayName"] = tenant.DisplayName,
            ["domains"] = new JsonArray([.. tenant.Domains.OrderByDescending(d => d.IsInitial).ThenBy(d => d.Name).Select(d => JsonValue.Create(d.Name))]),
            ["tenantCategory"] = "Home",
            ["defaultDomain"] = tenant.DefaultDomain,
            ["tenantType"] = "AAD",
        });
    }

    private static async Task<IResult> ListSubscriptionsAsync(ArmRequest request, GatehouseDb db, CancellationToken cancellationToken)
    {
        if (await CallerTenantAsync(request, db, cancellationToken) is not { } tenant)
        {
            return List(null);
        }

        var subscriptionId = TenantSubscription.IdOf(tenant.Id).ToString();
        return List(new JsonObject
        {
            ["id"] = $"/subscriptions/{subscriptionId}",
            ["subscriptionId"] = subscriptionId,
            ["tenantId"] = tenant.Id.ToString(),
            ["displayName"] = tenant.DisplayName,
            ["state"] = "Enabled",
            ["subscriptionPolicies"] = new JsonObject
            {
                ["locationPlacementId"] = "Public_2014-09-01",
                ["quotaId"] = "Internal_2014-09-01",
                ["spendingLimit"] = "Off",
            },
            ["authorizationSource"] = "RoleBased",
            ["managedByTenants"] = new JsonArray(),
            ["tags"] = new JsonObject(),
        });
    }

    // A tenant removed after its token was issued has no tenant and no subscription left to list.
    private static Task<Tenant?> CallerTenantAsync(ArmRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().Include(t => t.Domains).FirstOrDefaultAsync(t => t.Id == request.Caller.TenantId, cancellationToken);

    private static IResult List(JsonObject? item) =>
        Results.Content(new JsonObject { ["value"] = item is null ? new JsonArray() : new JsonArray(item) }.ToJsonString(), "application/json; charset=utf-8");
}
