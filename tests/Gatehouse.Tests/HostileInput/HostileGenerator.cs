namespace Gatehouse.Tests.HostileInput;

/// <summary>The sequence of hostile requests a seed gives: the same seed, the same requests in the same order.</summary>
internal static class HostileGenerator
{
    public static IEnumerable<HostileRequest> Requests(int seed, HostileTenant tenant, int count)
    {
        var garbage = new Garbage(seed);
        var tokenService = new TokenServiceInputs(garbage, tenant);
        var graph = new GraphInputs(garbage, tenant);
        var dataverse = new DataverseInputs(garbage, tenant);
        var others = new OtherSurfaceInputs(garbage, tenant);
        for (var i = 0; i < count; i++)
        {
            yield return garbage.Next(10) switch
            {
                < 3 => tokenService.Next(),
                < 6 => graph.Next(),
                < 8 => dataverse.Next(),
                _ => others.Next(),
            };
        }
    }
}
