using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Groups;

/// <summary>Creates groups and manages their members and owners.</summary>
internal sealed class GroupMemberships(GatehouseDb db, TimeProvider clock, DirectoryObjectTypes objectTypes)
{
    public async Task<Outcome<Group>> CreateAsync(Guid tenantId, NewGroup request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return DirectoryError.Invalid("A group needs a display name.");
        }

        if (request.Visibility is not (null or "Public" or "Private" or Group.HiddenMembership))
        {
            return DirectoryError.Invalid("Visibility must be Public, Private or HiddenMembership.");
        }

        var group = new Group
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            DisplayName = request.DisplayName.Trim(),
            Description = request.Description,
            MailNickname = request.MailNickname ?? new string(request.DisplayName.Where(char.IsLetterOrDigit).ToArray()),
            MailEnabled = request.MailEnabled,
            SecurityEnabled = request.SecurityEnabled,
            Visibility = request.Visibility,
            CreatedDateTime = clock.StoreNow(),
        };
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    public async Task<Outcome<GroupMember>> AddMemberAsync(Guid tenantId, Guid groupId, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.TenantId == tenantId && g.Id == groupId, cancellationToken))
        {
            return DirectoryError.NotFound($"Group {groupId} was not found.");
        }

        if (await objectTypes.FindAsync(tenantId, memberId, cancellationToken) is not { } memberType)
        {
            return DirectoryError.NotFound($"Directory object {memberId} was not found.");
        }

        if (memberId == groupId)
        {
            return DirectoryError.Invalid("A group cannot be a member of itself.");
        }

        if (await db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.MemberId == memberId, cancellationToken))
        {
            return DirectoryError.Conflict("One or more added object references already exist for the following modified properties: 'members'.");
        }

        var member = new GroupMember { GroupId = groupId, MemberId = memberId, MemberType = memberType };
        db.GroupMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    public async Task<Outcome<GroupOwner>> AddOwnerAsync(Guid tenantId, Guid groupId, Guid ownerId, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.TenantId == tenantId && g.Id == groupId, cancellationToken))
        {
            return DirectoryError.NotFound($"Group {groupId} was not found.");
        }

        var ownerType = await objectTypes.FindAsync(tenantId, ownerId, cancellationToken);
        if (ownerType is not (DirectoryObjectType.User or DirectoryObjectType.ServicePrincipal))
        {
            return DirectoryError.NotFound($"User or service principal {ownerId} was not found.");
        }

        if (await db.GroupOwners.AnyAsync(o => o.GroupId == groupId && o.OwnerId == ownerId, cancellationToken))
        {
            return DirectoryError.Conflict("One or more added object references already exist for the following modified properties: 'owners'.");
        }

        var owner = new GroupOwner { GroupId = groupId, OwnerId = ownerId, OwnerType = ownerType.Value };
        db.GroupOwners.Add(owner);
        await db.SaveChangesAsync(cancellationToken);
        return owner;
    }

    public async Task<bool> RemoveMemberAsync(Guid groupId, Guid memberId, CancellationToken cancellationToken) =>
        await db.GroupMembers.Where(m => m.GroupId == groupId && m.MemberId == memberId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<bool> RemoveOwnerAsync(Guid groupId, Guid ownerId, CancellationToken cancellationToken) =>
        await db.GroupOwners.Where(o => o.GroupId == groupId && o.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken) > 0;
}

internal sealed record NewGroup(
    string DisplayName,
    string? Description = null,
    string? MailNickname = null,
    bool MailEnabled = false,
    bool SecurityEnabled = true,
    string? Visibility = null);
