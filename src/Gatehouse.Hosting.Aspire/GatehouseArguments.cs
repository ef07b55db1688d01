namespace Aspire.Hosting.ApplicationModel;

/// <summary>The command line of a Gatehouse resource: `serve` on its endpoint, its store, its certificate, its applications.</summary>
internal static class GatehouseArguments
{
    public static async Task AddAsync(GatehouseResource resource, string? assembly, CommandLineArgsCallbackContext context)
    {
        if (assembly is not null)
        {
            context.Args.Add(assembly);
        }

        var endpoint = resource.HttpsEndpoint;
        context.Args.Add("serve");
        context.Args.Add("--urls");
        context.Args.Add(ReferenceExpression.Create($"https://127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}"));
        context.Args.Add("--public-url");
        context.Args.Add(endpoint.Property(EndpointProperty.Url));
        if (resource.DataDirectory is { } data)
        {
            context.Args.Add("--data");
            context.Args.Add(data);
        }
        else
        {
            context.Args.Add("--in-memory");
        }

        if (!context.ExecutionContext.IsRunMode)
        {
            return;
        }

        GatehouseCertificate.Write(resource);
        context.Args.Add("--tls-cert");
        context.Args.Add(resource.CertificatePath);
        context.Args.Add("--tls-key");
        context.Args.Add(resource.CertificateKeyPath);
        if (resource.Applications.Count > 0)
        {
            context.Args.Add("--import");
            context.Args.Add(await GatehouseTenantDocument.WriteAsync(resource, context.CancellationToken));
        }
    }
}
