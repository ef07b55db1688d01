using System.Reflection;

namespace Gatehouse.Dataverse.Metadata;

/// <summary>
/// A single-valued navigation property: the lookup attribute (read as _{attribute}_value), the navigation name a
/// client binds (primarycontactid@odata.bind) and expands, and the table it points into. A customer lookup has one
/// navigation per target (parentcustomerid_account, parentcustomerid_contact) and keeps the target's name in
/// <see cref="TargetProperty"/>.
/// </summary>
internal sealed record LookupDefinition(
    string AttributeName,
    string NavigationName,
    PropertyInfo Property,
    string Target,
    bool Writable = true,
    PropertyInfo? TargetProperty = null)
{
    public string ValueName => $"_{AttributeName}_value";

    public Guid? Read(object record) => (Guid?)Property.GetValue(record);

    /// <summary>The table this lookup points into on this row, or null when it is empty or points elsewhere.</summary>
    public bool PointsInto(object record) =>
        Read(record) is not null && (TargetProperty is null || Equals(TargetProperty.GetValue(record), Target));
}
