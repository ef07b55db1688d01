namespace Gatehouse.Data;

/// <summary>Which store to open and how. <see cref="InMemory"/> keeps a SQLite database alive only for the process.</summary>
internal sealed record StoreSettings(StoreKind Kind, string ConnectionString, bool InMemory);
