namespace Gatehouse.Dataverse.Tables;

/// <summary>The contact table (entity set contacts). parentcustomerid is a customer lookup: an account or a contact.</summary>
internal sealed class Contact : DataverseRecord
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>Computed from first and last name, as Dataverse's default full-name format does.</summary>
    public string? FullName
    {
        get;
        set
        {
            field = value;
            NormalizedFullName = value?.ToUpperInvariant();
        }
    }

    /// <summary>Upper-invariant full name, kept with it: case-insensitive filters compare it in SQL through an index.</summary>
    public string? NormalizedFullName { get; set; }

    public string? EmailAddress1 { get; set; }
    public string? Telephone1 { get; set; }
    public string? MobilePhone { get; set; }
    public string? JobTitle { get; set; }
    public Guid? ParentCustomerId { get; set; }

    /// <summary>The table parentcustomerid points into: account or contact.</summary>
    public string? ParentCustomerType { get; set; }
}
