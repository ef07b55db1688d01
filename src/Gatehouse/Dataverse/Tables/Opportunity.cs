namespace Gatehouse.Dataverse.Tables;

/// <summary>The opportunity table (entity set opportunities); statecode 0 Open, 1 Won, 2 Lost.</summary>
internal sealed class Opportunity : DataverseRecord
{
    public string? Name { get; set; }
    public decimal? EstimatedValue { get; set; }
    public DateOnly? EstimatedCloseDate { get; set; }
    public int? CloseProbability { get; set; }
    public string? Description { get; set; }
    public Guid? ParentAccountId { get; set; }
    public Guid? ParentContactId { get; set; }
}
