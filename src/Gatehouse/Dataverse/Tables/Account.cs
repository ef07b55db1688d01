namespace Gatehouse.Dataverse.Tables;

/// <summary>The account table (entity set accounts).</summary>
internal sealed class Account : DataverseRecord
{
    public string? Name
    {
        get;
        set
        {
            field = value;
            NormalizedName = value?.ToUpperInvariant();
        }
    }

    /// <summary>Upper-invariant name, kept with it: case-insensitive filters compare it in SQL through an index.</summary>
    public string? NormalizedName { get; set; }

    public string? AccountNumber { get; set; }
    public string? Telephone1 { get; set; }
    public string? EmailAddress1 { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? Address1Line1 { get; set; }
    public string? Address1City { get; set; }
    public string? Address1PostalCode { get; set; }
    public string? Address1Country { get; set; }
    public decimal? Revenue { get; set; }
    public int? NumberOfEmployees { get; set; }
    public string? Description { get; set; }
    public Guid? PrimaryContactId { get; set; }
    public Guid? ParentAccountId { get; set; }
}
