using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Data;

internal static class OffsetClockRegistration
{
    /// <summary>
    /// Makes <see cref="OffsetClock"/> the process's one <see cref="TimeProvider"/>, over the clock registered last (a
    /// test's clock, or the system's): call it after every other registration, so that the store's offset composes with
    /// a test's instead of replacing it.
    /// </summary>
    public static IServiceCollection AddOffsetClock(this IServiceCollection services, bool offsetAllowed)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider));
        var baseClock = registered is null ? TimeProvider.System
            : registered.ImplementationInstance as TimeProvider ?? throw new InvalidOperationException("A TimeProvider is registered as an instance.");
        var clock = new OffsetClock(baseClock, offsetAllowed);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddScoped<ClockOffsets>();
        return services;
    }

    /// <summary>For a long-running process with --allow-clock-offset: follow the offset when another node or a CLI run moves it.</summary>
    public static IServiceCollection AddClockOffsetWatcher(this IServiceCollection services, bool offsetAllowed) =>
        offsetAllowed ? services.AddHostedService<ClockOffsetWatcher>() : services;
}
