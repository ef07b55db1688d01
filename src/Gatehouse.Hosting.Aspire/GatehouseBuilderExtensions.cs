using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>Gatehouse in an Aspire app host: <c>AddGatehouse</c>, its applications, and what a project referencing them is given.</summary>
public static class GatehouseBuilderExtensions
{
    /// <summary>
    /// Adds Gatehouse as an executable resource: `serve` on an HTTPS endpoint with a certificate the app host makes,
    /// in memory unless <see cref="WithDataDirectory"/> names a folder, healthy once GET /healthz answers 200.
    /// </summary>
    /// <param name="executable">
    /// The `gatehouse` command on PATH (the dotnet tool), a path to a release build's executable, or a path to
    /// gatehouse.dll, which is run with `dotnet`.
    /// </param>
    /// <param name="port">The endpoint's port; a free one when null.</param>
    public static IResourceBuilder<GatehouseResource> AddGatehouse(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string executable = "gatehouse", int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string? assembly = executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(executable, builder.AppHostDirectory) : null;
        var resource = new GatehouseResource(name, assembly is null ? executable : "dotnet", builder.AppHostDirectory);
        var healthCheckKey = $"{name}_gatehouse_healthz";
        var healthCheck = new GatehouseHealthCheck(resource);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => healthCheck, failureStatus: null, tags: null));
        builder.Services.AddSingleton<IHostedService>(new GatehouseFilesCleanup(resource));
        return builder.AddResource(resource)
            .WithHttpsEndpoint(port: port, name: GatehouseResource.HttpsEndpointName)
            .WithArgs(context => GatehouseArguments.AddAsync(resource, assembly, context))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Keeps the directory (`--data`) in <paramref name="path"/>, relative to the app host's directory, instead of memory.</summary>
    public static IResourceBuilder<GatehouseResource> WithDataDirectory(this IResourceBuilder<GatehouseResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.DataDirectory = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>Declares an app registration in the Gatehouse's default tenant, imported at its every start.</summary>
    public static IResourceBuilder<GatehouseApplicationResource> AddApplication(this IResourceBuilder<GatehouseResource> builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var application = new GatehouseApplicationResource(name, builder.Resource);
        builder.Resource.Add(application);
        return builder.ApplicationBuilder.AddResource(application).ExcludeFromManifest();
    }

    /// <summary>
    /// Gives the application a client secret: <paramref name="secret"/>, or a secret parameter named
    /// <c>{name}-secret</c> that the app host generates, so the app host knows the value it hands to projects.
    /// </summary>
    public static IResourceBuilder<GatehouseApplicationResource> WithSecret(
        this IResourceBuilder<GatehouseApplicationResource> builder, IResourceBuilder<ParameterResource>? secret = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.ClientSecret = (secret ?? builder.ApplicationBuilder.AddParameter(
            $"{builder.Resource.Name}-secret", new GenerateParameterDefault { MinLength = 40, Special = false }, secret: true)).Resource;
        return builder;
    }

    /// <summary>
    /// Gives a project what Microsoft.Identity.Web reads to validate Gatehouse's tokens: <c>AzureAd__Instance</c> and
    /// <c>AzureAd__TenantId</c>; on Linux also <c>SSL_CERT_DIR</c>, so that it trusts the endpoint's certificate.
    /// </summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(
        this IResourceBuilder<TDestination> builder, IResourceBuilder<GatehouseResource> gatehouse)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(gatehouse);
        var resource = gatehouse.Resource;
        return Reference(builder, resource, context =>
        {
            context.EnvironmentVariables["AzureAd__Instance"] = resource.Instance;
            context.EnvironmentVariables["AzureAd__TenantId"] = resource.TenantId.ToString();
            if (OperatingSystem.IsLinux() && context.ExecutionContext.IsRunMode)
            {
                GatehouseCertificate.Write(resource);
                var inherited = Environment.GetEnvironmentVariable("SSL_CERT_DIR") ?? "/etc/ssl/certs";
                context.EnvironmentVariables["SSL_CERT_DIR"] = $"{resource.TrustDirectory}:{inherited}";
            }
        });
    }

    /// <summary>
    /// As <see cref="WithReference{TDestination}(IResourceBuilder{TDestination}, IResourceBuilder{GatehouseResource})"/>,
    /// with the application's <c>AzureAd__ClientId</c> and, once it has one, <c>AzureAd__ClientSecret</c>.
    /// </summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(
        this IResourceBuilder<TDestination> builder, IResourceBuilder<GatehouseApplicationResource> application)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(application);
        var resource = application.Resource;
        var withGatehouse = builder.WithReference(application.ApplicationBuilder.CreateResourceBuilder(resource.Parent));
        return Reference(withGatehouse, resource, context =>
        {
            context.EnvironmentVariables["AzureAd__ClientId"] = resource.ClientId.ToString();
            if (resource.ClientSecret is { } secret)
            {
                context.EnvironmentVariables["AzureAd__ClientSecret"] = secret;
            }
        });
    }

    private static IResourceBuilder<TDestination> Reference<TDestination>(
        IResourceBuilder<TDestination> builder, IResource source, Action<EnvironmentCallbackContext> environment)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithReferenceRelationship(source).WithEnvironment(environment);
    }
}
