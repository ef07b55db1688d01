using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>Stateless nodes over one PostgreSQL: a change made anywhere takes effect on every node.</summary>
public sealed class MultiNodeTests
{
    [Fact]
    [Trait(StoreTrait.Name, StoreTrait.Postgres)]
    public async Task A_secret_removed_on_one_node_is_refused_by_another_within_a_second()
    {
        using var store = TestStore.Postgres();
        await using var first = await InProcessGatehouse.StartAsync(store);
        await using var second = await InProcessGatehouse.StartAsync(store);
        var app = await GatehouseCli.JsonAsync(store, "app", "create", "--name", "two-nodes");
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", appId, "--expires", "never");
        var value = secret.GetProperty("secretText").GetString()!;
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        foreach (var node in new[] { firstClient, secondClient })
        {
            using var response = await RequestAsync(node, appId, value);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await GatehouseCli.JsonAsync(store, "app", "secret", "remove", "--app", appId, "--key-id", secret.GetProperty("keyId").GetString()!);
        await CredentialLifetimeTests.TimeUntilRefusedAsync(() => RequestAsync(secondClient, appId, value), TimeSpan.FromSeconds(1));
        await CredentialLifetimeTests.TimeUntilRefusedAsync(() => RequestAsync(firstClient, appId, value), TimeSpan.FromSeconds(1));
    }

    [Fact]
    [Trait(StoreTrait.Name, StoreTrait.Postgres)]
    public async Task A_code_issued_by_one_node_is_redeemed_on_another_and_of_two_nodes_redeeming_one_code_at_once_exactly_one_wins()
    {
        await using var first = await TokenServiceFixture.StartAsync(TestStore.Postgres());
        await using var second = await InProcessGatehouse.StartAsync(first.Store);
        using var secondClient = second.CreateClient();
        using var flow = await DelegatedSignIn.CreateAsync(first, "two-nodes-code");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var (raceVerifier, raceChallenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);
        var raced = await flow.GetCodeAsync(raceChallenge);

        using var onSecond = await RedeemAsync(secondClient, flow, code, verifier);
        var race = await Task.WhenAll(RedeemAsync(first.Http, flow, raced, raceVerifier), RedeemAsync(secondClient, flow, raced, raceVerifier));

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Single(race, r => r.StatusCode == HttpStatusCode.OK);
        var loser = await AadstsResponse.ReadAsync(race.Single(r => r.StatusCode != HttpStatusCode.OK));
        Assert.Equal(("invalid_grant", 54005), (loser.Error, loser.Code));
        foreach (var response in race)
        {
            response.Dispose();
        }
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient node, DelegatedSignIn flow, string code, string verifier) =>
        node.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = flow.Client.AppId,
                ["client_secret"] = flow.Client.Secret,
                ["code"] = code,
                ["redirect_uri"] = flow.Redirect,
                ["code_verifier"] = verifier,
                ["scope"] = "openid offline_access User.Read",
            }),
            TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> RequestAsync(HttpClient node, string appId, string secret) =>
        node.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", appId), new("client_secret", secret), new("scope", "https://graph.microsoft.com/.default")]),
            TestContext.Current.CancellationToken);
}
