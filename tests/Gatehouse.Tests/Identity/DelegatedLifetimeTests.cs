using Gatehouse.Data;
using Gatehouse.Identity.Issuance;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The stores of codes and refresh tokens on both providers, with a clock the test moves: lifetimes just before and
/// just after, and single use under concurrency.
/// </summary>
public sealed class DelegatedLifetimeTests
{
    [Theory]
    [BothStores]
    public async Task An_authorization_code_redeems_just_before_ten_minutes_and_is_expired_just_after(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var codes = await harness.RunAsync(s => Task.FromResult(new AuthorizationCodes(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock)));
        var template = NewCode();
        var early = await codes.IssueAsync(template, cancellationToken);
        var lateTemplate = NewCode();
        var late = await codes.IssueAsync(lateTemplate, cancellationToken);

        harness.Clock.Advance(AuthorizationCodes.Lifetime - TimeSpan.FromSeconds(1));
        var (_, earlyWon) = await codes.RedeemAsync(early, template.ClientId, cancellationToken);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        var (lateCode, lateWon) = await codes.RedeemAsync(late, lateTemplate.ClientId, cancellationToken);

        Assert.True(earlyWon);
        Assert.False(lateWon);
        Assert.False(lateCode!.Redeemed);
    }

    [Theory]
    [BothStores]
    public async Task A_code_redeemed_by_many_callers_at_once_is_won_by_exactly_one_and_never_by_another_client(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var codes = await harness.RunAsync(s => Task.FromResult(new AuthorizationCodes(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock)));
        var template = NewCode();
        var code = await codes.IssueAsync(template, cancellationToken);

        var (_, otherClientWon) = await codes.RedeemAsync(code, Guid.NewGuid(), cancellationToken);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => codes.RedeemAsync(code, template.ClientId, cancellationToken)));

        Assert.False(otherClientWon);
        Assert.Single(outcomes, o => o.Won);
    }

    [Theory]
    [BothStores]
    public async Task A_refresh_token_rotates_just_before_ninety_days_and_is_expired_just_after(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var tokens = await harness.RunAsync(s => Task.FromResult(
            new RefreshTokens(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock, s.GetRequiredService<ILogger<RefreshTokens>>())));
        var early = await tokens.IssueAsync(NewRefreshToken(), null, null, null, cancellationToken);
        var late = await tokens.IssueAsync(NewRefreshToken(), null, null, null, cancellationToken);

        harness.Clock.Advance(RefreshToken.Lifetime - TimeSpan.FromSeconds(1));
        var (_, earlyOutcome) = await tokens.RotateAsync(early, cancellationToken);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        var (_, lateOutcome) = await tokens.RotateAsync(late, cancellationToken);

        Assert.Equal(RefreshOutcome.Rotated, earlyOutcome);
        Assert.Equal(RefreshOutcome.Expired, lateOutcome);
    }

    [Theory]
    [BothStores]
    public async Task The_background_sweep_deletes_expired_refresh_tokens_and_keeps_live_ones(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var tokens = await harness.RunAsync(s => Task.FromResult(
            new RefreshTokens(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock, s.GetRequiredService<ILogger<RefreshTokens>>())));
        using var sweep = await harness.RunAsync(s => Task.FromResult(
            new ExpiredRefreshTokenSweep(tokens, harness.Clock, s.GetRequiredService<ILogger<ExpiredRefreshTokenSweep>>())));
        var old = await tokens.IssueAsync(NewRefreshToken(), null, null, null, cancellationToken);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var recent = await tokens.IssueAsync(NewRefreshToken(), null, null, null, cancellationToken);
        await sweep.StartAsync(cancellationToken);

        harness.Clock.Advance(RefreshToken.Lifetime - TimeSpan.FromDays(1) + ExpiredRefreshTokenSweep.Interval);
        var remaining = await harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GatehouseDb>();
            for (var wait = 0; wait < 200 && await db.RefreshTokens.CountAsync(cancellationToken) > 1; wait++)
            {
                await Task.Delay(50, cancellationToken);
            }

            return await db.RefreshTokens.CountAsync(cancellationToken);
        });
        await sweep.StopAsync(cancellationToken);
        var (_, oldOutcome) = await tokens.RotateAsync(old, cancellationToken);
        var (_, recentOutcome) = await tokens.RotateAsync(recent, cancellationToken);

        Assert.Equal(1, remaining);
        Assert.Equal(RefreshOutcome.Unknown, oldOutcome);
        Assert.Equal(RefreshOutcome.Rotated, recentOutcome);
    }

    [Theory]
    [BothStores]
    public async Task Rotation_slides_the_lifetime_and_reuse_revokes_the_family(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var tokens = await harness.RunAsync(s => Task.FromResult(
            new RefreshTokens(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock, s.GetRequiredService<ILogger<RefreshTokens>>())));
        var first = await tokens.IssueAsync(NewRefreshToken(), null, null, null, cancellationToken);
        harness.Clock.Advance(TimeSpan.FromDays(60));
        var (rotated, _) = await tokens.RotateAsync(first, cancellationToken);
        var second = await tokens.IssueAsync(rotated!, rotated!.FamilyId, null, null, cancellationToken);

        // 120 days after the first sign-in, the token rotated at day 60 still lives.
        harness.Clock.Advance(TimeSpan.FromDays(60));
        var (again, secondOutcome) = await tokens.RotateAsync(second, cancellationToken);
        var third = await tokens.IssueAsync(again!, again!.FamilyId, null, null, cancellationToken);
        var (_, reuseOutcome) = await tokens.RotateAsync(second, cancellationToken);
        var (_, thirdOutcome) = await tokens.RotateAsync(third, cancellationToken);

        Assert.Equal(RefreshOutcome.Rotated, secondOutcome);
        Assert.Equal(RefreshOutcome.Revoked, reuseOutcome);
        Assert.Equal(RefreshOutcome.Revoked, thirdOutcome);
    }

    [Theory]
    [BothStores]
    public async Task A_device_code_is_pending_just_before_fifteen_minutes_and_expired_just_after(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var authorizations = await harness.RunAsync(s => Task.FromResult(new DeviceAuthorizations(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock)));
        var authorization = NewDeviceAuthorization();
        var (deviceCode, _) = await authorizations.IssueAsync(authorization, cancellationToken);

        harness.Clock.Advance(DeviceAuthorizations.Lifetime - TimeSpan.FromSeconds(1));
        var (_, before) = await authorizations.PollAsync(deviceCode, authorization.TenantId, authorization.ClientId, cancellationToken);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        var (_, after) = await authorizations.PollAsync(deviceCode, authorization.TenantId, authorization.ClientId, cancellationToken);

        Assert.Equal(DevicePoll.Pending, before);
        Assert.Equal(DevicePoll.Expired, after);
    }

    [Theory]
    [BothStores]
    public async Task An_approved_device_code_polled_by_many_at_once_is_redeemed_once_and_never_by_another_client(string kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var authorizations = await harness.RunAsync(s => Task.FromResult(new DeviceAuthorizations(s.GetRequiredService<IServiceScopeFactory>(), harness.Clock)));
        var authorization = NewDeviceAuthorization();
        var (deviceCode, userCode) = await authorizations.IssueAsync(authorization, cancellationToken);
        Assert.True(await authorizations.ApproveAsync(userCode, authorization.TenantId, Guid.NewGuid(), "User.Read openid", cancellationToken));

        var (_, otherClient) = await authorizations.PollAsync(deviceCode, authorization.TenantId, Guid.NewGuid(), cancellationToken);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            authorizations.PollAsync(deviceCode, authorization.TenantId, authorization.ClientId, cancellationToken)));

        Assert.Equal(DevicePoll.Unknown, otherClient);
        Assert.Single(outcomes, o => o.Outcome == DevicePoll.Approved);
        Assert.All(outcomes.Where(o => o.Outcome != DevicePoll.Approved), o => Assert.Equal(DevicePoll.AlreadyRedeemed, o.Outcome));
        Assert.False(await authorizations.ApproveAsync(userCode, authorization.TenantId, Guid.NewGuid(), "User.Read", cancellationToken));
    }

    private static DeviceAuthorization NewDeviceAuthorization() => new()
    {
        TenantId = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        ResourceAppId = Guid.NewGuid(),
        Scope = "User.Read openid",
    };

    private static AuthorizationCode NewCode() => new()
    {
        TenantId = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        RedirectUri = "https://localhost/callback",
        Scope = "User.Read openid",
        ResourceAppId = Guid.NewGuid(),
    };

    private static RefreshToken NewRefreshToken() => new()
    {
        TenantId = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        ResourceAppId = Guid.NewGuid(),
        Scope = "User.Read openid offline_access",
    };
}
