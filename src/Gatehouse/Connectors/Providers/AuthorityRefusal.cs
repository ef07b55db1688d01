namespace Gatehouse.Connectors.Providers;

/// <summary>
/// The authority said no (or could not be reached): its OAuth error, its AADSTS code and description, and what to
/// change in the app registration, in plain words.
/// </summary>
internal sealed record AuthorityRefusal(string Error, string Code, string ProviderMessage, string Advice, bool Transient)
{
    /// <summary>
    /// Nothing but a person can mend this: the grant is gone (invalid_grant), or the API secret or the app itself is
    /// (docs/protocol/entra-protocol.md §5.2: AADSTS7000222 expired, 7000215 wrong or removed, 700016 unknown app).
    /// </summary>
    public bool NeedsReAuthentication =>
        Error == "invalid_grant" || Code is "AADSTS7000222" or "AADSTS7000215" or "AADSTS700016" or "AADSTS7000218";
}
