using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Groups;

/// <summary>Creates, changes and deletes groups and manages their members and owners.</summary>
internal sealed class GroupMemberships(GatehouseDb db, TimeProvider clock, DirectoryObjectTypes objectTypes, DirectoryReferences references)
{
    private static readonly string[] Visibilities = ["Public", "Private", Group.HiddenMembership];

    public async Task<Outcome<Group, DirectoryError>> CreateAsync(Guid tenantId, NewGroup request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > Group.MaximumDisplayNameLength)
        {
            return DirectoryError.Invalid($"A group needs a display name of 1 to {Group.MaximumDisplayNameLength} characters.");
        }

        if (request.Visibility is not null && !Visibilities.Contains(request.Visibility))
        {
            return DirectoryError.Invalid("Visibility must be Public, Private or HiddenMembership.");
        }

        if (request.GroupTypes?.FirstOrDefault(t => t != Group.Unified) is { } unknownType)
        {
            return DirectoryError.Invalid($"'{unknownType}' is not a group type this directory supports.");
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
            GroupTypes = [.. request.GroupTypes ?? []],
            Visibility = request.Visibility,
            CreatedDateTime = clock.StoreNow(),
        };
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    public Task<Group?> FindAsync(Guid tenantId, Guid groupId, CancellationToken cancellationToken) =>
        db.Groups.FirstOrDefaultAsync(g => g.TenantId == tenantId && g.Id == groupId, cancellationToken);

    /// <summary>Changes a group's properties; the display name stays required and within its length.</summary>
    public async Task<Outcome<Group, DirectoryError>> UpdateAsync(Guid tenantId, Guid groupId, GroupChanges changes, CancellationToken cancellationToken)
    {
        var group = await FindAsync(tenantId, groupId, cancellationToken);
        if (group is null)
        {
            return DirectoryError.NotFound($"Group {groupId} was not found.");
        }

        if (changes.DisplayName is { } name && (name.Trim().Length == 0 || name.Trim().Length > Group.MaximumDisplayNameLength))
        {
            return DirectoryError.Invalid($"A display name must be 1 to {Group.MaximumDisplayNameLength} characters.");
        }

        if (changes.MailNickname is { } nickname && nickname.Trim().Length == 0)
        {
            return DirectoryError.Invalid("A mail nickname cannot be empty.");
        }

        if (changes.Visibility is { } visibility && !Visibilities.Contains(visibility))
        {
            return DirectoryError.Invalid("Visibility must be Public, Private or HiddenMembership.");
        }

        group.DisplayName = changes.DisplayName?.Trim() ?? group.DisplayName;
        group.MailNickname = changes.MailNickname?.Trim() ?? group.MailNickname;
        group.Description = changes.ClearDescription ? null : changes.Description ?? group.Description;
        group.Visibility = changes.Visibility ?? group.Visibility;
        group.SecurityEnabled = changes.SecurityEnabled ?? group.SecurityEnabled;
        group.MailEnabled = changes.MailEnabled ?? group.MailEnabled;
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    /// <summary>Deletes a group: its own members and owners go with it, and it leaves the groups and roles it was in.</summary>
    public async Task<Outcome<Group, DirectoryError>> DeleteAsync(Guid tenantId, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await FindAsync(tenantId, groupId, cancellationToken);
        if (group is null)
        {
            return DirectoryError.NotFound($"Group {groupId} was not found.");
        }

        await references.DeleteAsync(tenantId, groupId, group, cancellationToken);
        return group;
    }

    public async Task<Outcome<GroupMember, DirectoryError>> AddMemberAsync(Guid tenantId, Guid groupId, Guid memberId, CancellationToken cancellationToken)
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

    public async Task<Outcome<GroupOwner, DirectoryError>> AddOwnerAsync(Guid tenantId, Guid groupId, Guid ownerId, CancellationToken cancellationToken)
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

    /// <summary>Removed through the change tracker, so that the save writes "Remove member from group" as adding writes its entry.</summary>
    public async Task<bool> RemoveMemberAsync(Guid groupId, Guid memberId, CancellationToken cancellationToken)
    {
        var members = await db.GroupMembers.Where(m => m.GroupId == groupId && m.MemberId == memberId).ToListAsync(cancellationToken);
        db.GroupMembers.RemoveRange(members);
        await db.SaveChangesAsync(cancellationToken);
        return members.Count > 0;
    }

    public async Task<bool> RemoveOwnerAsync(Guid groupId, Guid ownerId, CancellationToken cancellationToken)
    {
        var owners = await db.GroupOwners.Where(o => o.GroupId == groupId && o.OwnerId == ownerId).ToListAsync(cancellationToken);
        db.GroupOwners.RemoveRange(owners);
        await db.SaveChangesAsync(cancellationToken);
        return owners.Count > 0;
    }

    /// <summary>Whether the principal is a direct member or an owner of the group (who may see a hidden membership).</summary>
    public async Task<bool> IsMemberOrOwnerAsync(Guid groupId, Guid principalId, CancellationToken cancellationToken) =>
        await db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.MemberId == principalId, cancellationToken)
        || await db.GroupOwners.AnyAsync(o => o.GroupId == groupId && o.OwnerId == principalId, cancellationToken);

    /// <summary>
    /// The groups of the tenant the object belongs to directly or through nested groups, each once, in id order;
    /// <paramref name="securityEnabledOnly"/> keeps security groups, <paramref name="includeHidden"/> those with hidden membership.
    /// </summary>
    public async Task<List<Group>> TransitiveGroupsAsync(
        Guid tenantId, Guid objectId, bool securityEnabledOnly, bool includeHidden, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Group>();
        List<Guid> frontier = [objectId];
        while (frontier.Count > 0)
        {
            var members = frontier;
            var next = await db.Groups.AsNoTracking()
                .Where(g => g.TenantId == tenantId && db.GroupMembers.Any(m => m.GroupId == g.Id && members.Contains(m.MemberId)))
                .ToListAsync(cancellationToken);
            frontier = [.. next.Where(g => found.TryAdd(g.Id, g)).Select(g => g.Id)];
        }

        return [.. found.Values
            .Where(g => (!securityEnabledOnly || g.SecurityEnabled) && (includeHidden || !g.HidesMembers))
            .OrderBy(g => g.Id)];
    }

    /// <summary>
    /// The tenant's groups in display-name order, at most <paramref name="top"/>; with <paramref name="search"/>, those
    /// whose name starts with it; with <paramref name="after"/>, those after that group in this order (a keyset page).
    /// </summary>
    public async Task<List<Group>> ListAsync(Guid tenantId, string? search, int top, CancellationToken cancellationToken, Guid? after = null)
    {
        var groups = db.Groups.AsNoTracking().Where(g => g.TenantId == tenantId);
        if (search is not null)
        {
            var prefix = Group.Normalize(search);
            groups = groups.Where(g => g.NormalizedDisplayName.StartsWith(prefix));
        }

        if (after is { } lastId
            && await db.Groups.Where(g => g.TenantId == tenantId && g.Id == lastId).Select(g => g.NormalizedDisplayName).FirstOrDefaultAsync(cancellationToken) is { } lastName)
        {
            groups = groups.Where(g => g.NormalizedDisplayName.CompareTo(lastName) > 0 || (g.NormalizedDisplayName == lastName && g.Id.CompareTo(lastId) > 0));
        }

        return await groups.OrderBy(g => g.NormalizedDisplayName).ThenBy(g => g.Id).Take(top).ToListAsync(cancellationToken);
    }

    /// <summary>A group by its object ID or, when exactly one group has it, its display name.</summary>
    public async Task<Outcome<Group, DirectoryError>> ResolveAsync(Guid tenantId, string idOrName, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            return await FindAsync(tenantId, id, cancellationToken) is { } byId ? byId : DirectoryError.NotFound($"Group {id} was not found.");
        }

        var normalized = Group.Normalize(idOrName);
        var named = await db.Groups.Where(g => g.TenantId == tenantId && g.NormalizedDisplayName == normalized).Take(2).ToListAsync(cancellationToken);
        return named.Count switch
        {
            1 => named[0],
            0 => DirectoryError.NotFound($"No group is named '{idOrName}'."),
            _ => DirectoryError.Invalid($"More than one group is named '{idOrName}'; name it by its object ID."),
        };
    }

    /// <summary>The group's direct members, users first by display name, then groups and service principals.</summary>
    public Task<List<GroupMember>> MembersAsync(Guid groupId, CancellationToken cancellationToken) =>
        db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.MemberType).ThenBy(m => m.MemberId).ToListAsync(cancellationToken);

    public Task<bool> IsOwnerAsync(Guid groupId, Guid principalId, CancellationToken cancellationToken) =>
        db.GroupOwners.AnyAsync(o => o.GroupId == groupId && o.OwnerId == principalId, cancellationToken);
}

internal sealed record NewGroup(
    string DisplayName,
    string? Description = null,
    string? MailNickname = null,
    bool MailEnabled = false,
    bool SecurityEnabled = true,
    string? Visibility = null,
    IReadOnlyList<string>? GroupTypes = null);

/// <summary>What a group update changes: a property left null is kept.</summary>
internal sealed record GroupChanges
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public bool ClearDescription { get; init; }
    public string? MailNickname { get; init; }
    public string? Visibility { get; init; }
    public bool? SecurityEnabled { get; init; }
    public bool? MailEnabled { get; init; }
}
