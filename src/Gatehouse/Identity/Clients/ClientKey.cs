namespace Gatehouse.Identity.Clients;

/// <summary>One client as one tenant knows it: what failed client authentications are counted by.</summary>
internal readonly record struct ClientKey(Guid TenantId, Guid AppId);
