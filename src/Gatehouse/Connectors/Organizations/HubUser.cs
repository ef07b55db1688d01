namespace Gatehouse.Connectors.Organizations;

/// <summary>A person or script of an organization, known by the user secret it presents.</summary>
internal sealed class HubUser
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string SecretLookup { get; set; } = "";

    public byte[] SecretSalt { get; set; } = [];

    public byte[] SecretHash { get; set; } = [];

    public DateTimeOffset CreatedDateTime { get; set; }
}
