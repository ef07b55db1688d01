namespace Gatehouse.Identity.Protocol;

/// <summary>
/// What the consent pages tell the authorize, device code and admin consent endpoints on the way back: a query
/// parameter those pages set, never sent by clients. Only a hint: the store says what was granted.
/// </summary>
internal static class ConsentOutcome
{
    public const string Parameter = "gatehouse_consent";
    public const string Declined = "declined";
    public const string NeedsAdmin = "admin";
    public const string Granted = "granted";
}
