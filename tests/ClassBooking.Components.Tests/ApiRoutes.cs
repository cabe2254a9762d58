using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClassBooking.Components.Tests;

/// <summary>
/// The host's routes as a test context's link generator sees them: ClassBooking's API as <c>MapClassBooking("/api")</c>
/// maps it (the components find the calendar feeds' addresses by endpoint name), or no API at all.
/// </summary>
internal sealed class ApiRoutes(IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider { get; } = services;

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);

    /// <summary>Registers routing with the API's routes under /api, or with no route when <paramref name="mapApi"/> is false.</summary>
    public static void Register(BunitContext context, bool mapApi)
    {
        context.Services.AddRouting();
        // Mapped when first asked for, over the built provider (mapping reads services, and a context takes no new
        // registration once it has given one out).
        context.Services.Replace(ServiceDescriptor.Singleton<EndpointDataSource>(services =>
        {
            var routes = new ApiRoutes(services);
            if (mapApi)
            {
                routes.MapClassBooking("/api");
            }

            return new CompositeEndpointDataSource(routes.DataSources);
        }));
    }
}
