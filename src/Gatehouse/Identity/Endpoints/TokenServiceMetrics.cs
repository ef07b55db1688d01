using System.Diagnostics.Metrics;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>Counters of the token service, exported at /metrics: tokens issued by grant, and refusals by AADSTS code.</summary>
internal sealed class TokenServiceMetrics
{
    public const string MeterName = "Gatehouse.Identity";

    private readonly Counter<long> issued;
    private readonly Counter<long> refused;

    public TokenServiceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        issued = meter.CreateCounter<long>("gatehouse.tokens.issued", "{token}", "Access tokens issued.");
        refused = meter.CreateCounter<long>("gatehouse.tokens.refused", "{request}", "Token requests refused, by AADSTS code.");
    }

    public void Issued(string grantType) => issued.Add(1, new KeyValuePair<string, object?>("grant_type", grantType));

    public void Refused(AadstsError error) => refused.Add(1, new KeyValuePair<string, object?>("aadsts", error.Code));
}
