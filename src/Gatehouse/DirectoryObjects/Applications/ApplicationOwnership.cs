using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// "Owners": who, besides the application administrators, may manage the app. As in Entra, an app may be left with no
/// owners at all (administrators can still manage it), so the last owner can be removed.
/// </summary>
internal sealed class ApplicationOwnership(GatehouseDb db, UserAccounts users, PrincipalNames names)
{
    /// <summary>The owners, by display name. The app must have been loaded with its owners (as <see cref="ApplicationRegistrations.FindAsync"/> does).</summary>
    public async Task<IReadOnlyList<PrincipalSummary>> ListAsync(Application application, CancellationToken cancellationToken)
    {
        var owners = await names.DescribeAsync(application.TenantId, [.. application.Owners.Select(o => (o.OwnerId, o.OwnerType))], cancellationToken);
        return [.. owners.OrderBy(o => o.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)];
    }

    /// <summary>"Add owners": a user of the app's tenant, found by user principal name.</summary>
    public async Task<Outcome<PrincipalSummary, DirectoryError>> AddUserAsync(Application application, string userPrincipalName, CancellationToken cancellationToken)
    {
        var upn = userPrincipalName.Trim();
        if (upn.Length == 0)
        {
            return DirectoryError.Invalid("Enter the user principal name of the user to add.");
        }

        // A GUID would be taken as an object ID by FindAsync; this asks for a name.
        var user = Guid.TryParse(upn, out _) ? null : await users.FindAsync(application.TenantId, upn, cancellationToken);
        if (user is null)
        {
            return DirectoryError.NotFound($"No user named '{upn}' in this directory.");
        }

        if (application.Owners.Any(o => o.OwnerId == user.Id))
        {
            return DirectoryError.Conflict($"{user.UserPrincipalName} is already an owner of this application.");
        }

        var owner = new ApplicationOwner { ApplicationId = application.Id, OwnerId = user.Id, OwnerType = DirectoryObjectType.User };
        application.Owners.Add(owner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else added the same owner between our read and our write: the key (app, owner) refused the second row.
            application.Owners.Remove(owner);
            db.Entry(owner).State = EntityState.Detached;
            return DirectoryError.Conflict($"{user.UserPrincipalName} is already an owner of this application.");
        }

        return new PrincipalSummary(user.Id, DirectoryObjectType.User, user.DisplayName, user.UserPrincipalName);
    }

    public async Task<Outcome<ApplicationOwner, DirectoryError>> RemoveAsync(Application application, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = application.Owners.FirstOrDefault(o => o.OwnerId == ownerId);
        if (owner is null)
        {
            return DirectoryError.NotFound($"{ownerId} is not an owner of this application.");
        }

        db.ApplicationOwners.Remove(owner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else removed this owner between our read and our delete.
            return DirectoryError.NotFound($"{ownerId} is not an owner of this application.");
        }

        return owner;
    }
}
