namespace Gatehouse.Dataverse.Security;

/// <summary>The privileges a role grants per table (prvCreate, prvRead, prvWrite, prvDelete).</summary>
internal enum AccessRight
{
    Create,
    Read,
    Write,
    Delete,
}

/// <summary>How far a privilege reaches: nothing, the caller's own rows, or every row of the environment.</summary>
internal enum AccessDepth
{
    None,
    User,
    Organization,
}
