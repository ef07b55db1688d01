using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Applications;

/// <summary>Deleted apps stay restorable for 30 days, as in Entra's recycle bin, and are then purged for good.</summary>
public sealed class DeletedApplicationTests
{
    private static readonly TimeSpan JustUnder = ApplicationRegistrations.RestoreWindow - TimeSpan.FromSeconds(1);
    private static readonly TimeSpan JustOver = ApplicationRegistrations.RestoreWindow + TimeSpan.FromSeconds(1);

    [Theory]
    [BothStores]
    public async Task Deleted_app_is_restorable_with_its_secret_just_before_30_days(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var (application, secret) = await CreateAppWithSecretAsync(harness);
        await DeleteAsync(harness, application);

        harness.Clock.Advance(JustUnder);

        var deleted = await harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>().ListDeletedAsync(harness.Tenant.Id, TestContext.Current.CancellationToken));
        Assert.Contains(deleted, a => a.Id == application.Id);
        var restored = await RestoreAsync(harness, application);
        Assert.True(restored.Succeeded, restored.Error?.Message);
        Assert.Null(restored.Value.DeletedDateTime);
        Assert.Equal(secret.Credential.KeyId, Assert.Single(restored.Value.PasswordCredentials).KeyId);
    }

    [Theory]
    [BothStores]
    public async Task Deleted_app_is_purged_just_after_30_days_and_can_no_longer_be_restored(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var (application, _) = await CreateAppWithSecretAsync(harness);
        await DeleteAsync(harness, application);

        harness.Clock.Advance(JustOver);

        var deleted = await harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>().ListDeletedAsync(harness.Tenant.Id, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(deleted, a => a.Id == application.Id);
        var restored = await RestoreAsync(harness, application);
        Assert.False(restored.Succeeded);
        Assert.Equal(DirectoryErrorKind.NotFound, restored.Error.Kind);
        var found = await harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>().FindAsync(harness.Tenant.Id, application.AppId.ToString(), TestContext.Current.CancellationToken));
        Assert.False(found.Succeeded);
    }

    private static async Task<(Application Application, NewSecret Secret)> CreateAppWithSecretAsync(DirectoryHarness harness)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var application = (await harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>()
            .CreateAsync(harness.Tenant.Id, new NewApplication("Payroll"), cancellationToken))).Value!;
        var secret = await harness.RunAsync(async s =>
        {
            var app = (await s.GetRequiredService<ApplicationRegistrations>().FindAsync(harness.Tenant.Id, application.AppId.ToString(), cancellationToken)).Value!;
            return (await s.GetRequiredService<ClientSecrets>().AddAsync(app, "payroll-job", "1y", cancellationToken)).Value!;
        });
        return (application, secret);
    }

    private static Task<Outcome<Application, DirectoryError>> DeleteAsync(DirectoryHarness harness, Application application) =>
        harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>().DeleteAsync(harness.Tenant.Id, application.AppId.ToString(), TestContext.Current.CancellationToken));

    private static Task<Outcome<Application, DirectoryError>> RestoreAsync(DirectoryHarness harness, Application application) =>
        harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>().RestoreAsync(harness.Tenant.Id, application.Id, TestContext.Current.CancellationToken));
}
