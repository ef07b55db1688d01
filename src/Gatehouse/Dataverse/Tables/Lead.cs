namespace Gatehouse.Dataverse.Tables;

/// <summary>The lead table (entity set leads); statecode 0 Open, 1 Qualified, 2 Disqualified.</summary>
internal sealed class Lead : DataverseRecord
{
    public string? Subject { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? FullName { get; set; }
    public string? CompanyName { get; set; }
    public string? EmailAddress1 { get; set; }
    public string? Telephone1 { get; set; }
    public int? LeadSourceCode { get; set; }
    public Guid? ParentAccountId { get; set; }
    public Guid? ParentContactId { get; set; }
}
