namespace Gatehouse.DirectoryObjects;

/// <summary>The kinds of directory object that can be members, owners or principals of an assignment.</summary>
internal enum DirectoryObjectType
{
    User,
    Group,
    ServicePrincipal,
    Device,
}
