using System.Net;
using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Tests.Data;

/// <summary>Data folders and PostgreSQL databases made before the migrations were squashed open and keep their data.</summary>
public sealed class LegacyStoreTests
{
    [Theory]
    [BothStores]
    public async Task A_verb_on_a_store_made_by_the_old_migrations_sees_its_apps_and_records_Initial_as_applied(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        var legacy = await LegacyStore.RestoreAsync(store);

        var apps = await GatehouseCli.JsonAsync(store, "app", "list");

        var app = Assert.Single(apps.GetProperty("value").EnumerateArray());
        Assert.Equal(legacy.AppId, app.GetProperty("appId").GetString());
        Assert.Equal(LegacyStore.AppName, app.GetProperty("displayName").GetString());
        await using var db = StoreDb.Open(store);
        Assert.Equal("Legacy User", (await db.Users.SingleAsync(u => u.UserPrincipalName == LegacyStore.UserPrincipalName, cancellationToken)).DisplayName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));
        Assert.Equal(
            [.. db.SquashedMigrationIds, .. db.Database.GetMigrations()],
            await db.Database.GetAppliedMigrationsAsync(cancellationToken));
    }

    [Theory]
    [BothStores]
    public async Task A_server_on_a_store_made_by_the_old_migrations_keeps_its_certificate_and_issues_tokens_for_the_old_secret_with_the_old_signing_key(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        var legacy = await LegacyStore.RestoreAsync(store);

        await using var server = await InProcessGatehouse.StartAsync(store);

        if (store.Kind == StoreKind.Sqlite)
        {
            Assert.Equal(
                await File.ReadAllTextAsync(LegacyStore.SqliteCertificatePath, cancellationToken),
                await File.ReadAllTextAsync(Path.Combine(store.DataFolder, "tls.pem"), cancellationToken));
        }

        using var http = server.CreateClient();
        var keys = new JsonWebKeySet(await http.GetStringAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/discovery/v2.0/keys", UriKind.Relative), cancellationToken));
        Assert.Contains(keys.Keys, key => key.Kid == legacy.SigningKeyId);
        using var response = await http.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = legacy.AppId,
                ["client_secret"] = legacy.Secret,
                ["scope"] = "https://graph.microsoft.com/.default",
            }),
            cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal(legacy.SigningKeyId, Jwt.Read(token).Kid);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateIssuer = false,
            ValidAudience = "https://graph.microsoft.com",
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(["User.Read.All"], Jwt.Payload(token).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Theory]
    [BothStores]
    public async Task A_store_the_old_migrations_left_part_way_is_refused_with_a_one_line_reason(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await LegacyStore.RestoreAsync(store);
        string unapplied;
        await using (var db = StoreDb.Open(store))
        {
            unapplied = db.SquashedMigrationIds[^1];
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {0}""", [unapplied], cancellationToken);
        }

        var refusal = await GatehouseCli.RefusedAsync(store, "app", "list");
        var (exitCode, output) = await GatehouseProcess.RunAsync(null, ["serve", "--urls", $"https://127.0.0.1:{LoopbackPort.Free()}", .. store.Arguments]);

        Assert.Contains(unapplied, refusal.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, exitCode);
        OutputRules.AssertOneLineReason(output);
        Assert.Equal(refusal.Message, output.Trim());
        await using var unchanged = StoreDb.Open(store);
        Assert.DoesNotContain(unchanged.Database.GetMigrations().First(), await unchanged.Database.GetAppliedMigrationsAsync(cancellationToken));
    }
}
