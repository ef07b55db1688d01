using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Deletes what the app host wrote for its Gatehouse (the TLS key, the document with client secrets) as the app host stops.</summary>
internal sealed class GatehouseFilesCleanup(GatehouseResource resource) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(resource.FilesDirectory))
        {
            Directory.Delete(resource.FilesDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
