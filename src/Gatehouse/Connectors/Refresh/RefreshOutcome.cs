using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Refresh;

/// <summary>The instance as it stands after a refresh attempt, and the authority's refusal if it refused.</summary>
internal sealed record RefreshOutcome(HubInstance? Instance, AuthorityRefusal? Refusal);
