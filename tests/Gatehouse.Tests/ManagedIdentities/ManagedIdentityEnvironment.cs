using System.Reflection;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.ManagedIdentities;

/// <summary>
/// Azure.Identity (through MSAL.NET) reads the managed identity environment from the process, so the tests that set it
/// run alone, one at a time, and put every variable back.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagedIdentityEnvironment : ICollectionFixture<GatehouseOnBothStores>
{
    public const string Name = "Managed identity environment";
}

/// <summary>
/// IDENTITY_ENDPOINT and IDENTITY_HEADER as App Service sets them, pointing at Gatehouse. With both set, MSAL.NET picks
/// the App Service source and never asks Azure's IMDS; AZURE_POD_IDENTITY_AUTHORITY_HOST points its IMDS source at a
/// closed loopback port all the same, so that no credential can reach 169.254.169.254 from a test. MSAL.NET keeps
/// managed identity tokens and the source it detected per process, as if the process were one machine with one
/// identity; each test is a machine of its own, so that state is reset on the way in and out.
/// </summary>
internal sealed class AppServiceEnvironment : IDisposable
{
    private static readonly string[] Names = ["IDENTITY_ENDPOINT", "IDENTITY_HEADER", "AZURE_POD_IDENTITY_AUTHORITY_HOST"];

    private readonly Dictionary<string, string?> previous = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public AppServiceEnvironment(TokenServiceFixture gatehouse, string identityHeader)
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", $"{gatehouse.BaseUrl}/msi/token");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", identityHeader);
        Environment.SetEnvironmentVariable("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:9");
        ResetMsalProcessState();
    }

    public void Dispose()
    {
        foreach (var (name, value) in previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        ResetMsalProcessState();
    }

    // MSAL.NET's own tests reset its static caches with this internal hook; there is no public one.
    private static void ResetMsalProcessState()
    {
        var reset = typeof(ApplicationBase).GetMethod("ResetStateForTest", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotNull(reset);
        reset.Invoke(null, null);
    }
}
