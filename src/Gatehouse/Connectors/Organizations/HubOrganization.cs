namespace Gatehouse.Connectors.Organizations;

/// <summary>A hub customer account: its instances are visible to its users only.</summary>
internal sealed class HubOrganization
{
    public Guid Id { get; set; }

    public string SecretLookup { get; set; } = "";

    public byte[] SecretSalt { get; set; } = [];

    public byte[] SecretHash { get; set; } = [];

    public DateTimeOffset CreatedDateTime { get; set; }
}
