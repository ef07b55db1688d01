using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Credentials;

/// <summary>A client secret is kept only as a keyed hash, which the value it was made from matches and nothing else does.</summary>
public sealed class ClientSecretHashTests
{
    [Theory]
    [BothStores]
    public async Task Stored_secret_hash_matches_its_value_and_no_other(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var cancellationToken = TestContext.Current.CancellationToken;
        var secret = await harness.RunAsync(async s =>
        {
            var application = (await s.GetRequiredService<ApplicationRegistrations>().CreateAsync(harness.Tenant.Id, new NewApplication("Payroll"), cancellationToken)).Value!;
            return (await s.GetRequiredService<ClientSecrets>().AddAsync(application, null, "2y", cancellationToken)).Value!;
        });

        var stored = await harness.RunAsync(s => s.GetRequiredService<GatehouseDb>().PasswordCredentials.AsNoTracking()
            .SingleAsync(c => c.KeyId == secret.Credential.KeyId, cancellationToken));

        Assert.True(ClientSecretHash.Matches(stored, secret.SecretText));
        Assert.False(ClientSecretHash.Matches(stored, ClientSecretValue.New()));
        Assert.False(ClientSecretHash.Matches(stored, secret.SecretText[..^1] + (secret.SecretText[^1] == 'a' ? 'b' : 'a')));
    }
}
