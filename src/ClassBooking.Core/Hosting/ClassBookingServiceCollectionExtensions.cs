using ClassBooking.Core;
using ClassBooking.Core.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Lives where hosts already have a using for it, as ASP.NET Core's own AddX methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds ClassBooking to a host.</summary>
public static class ClassBookingServiceCollectionExtensions
{
    /// <summary>
    /// Adds ClassBooking's services. Continue with the returned builder: a store
    /// (<c>.AddEntityFrameworkStores(...)</c>), the host's <c>.AddStudentDirectory&lt;T&gt;()</c> and
    /// <c>.AddTeacherDirectory&lt;T&gt;()</c>. Safe to call more than once; options configured by each call add up.
    /// </summary>
    public static ClassBookingBuilder AddClassBooking(this IServiceCollection services, Action<ClassBookingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<ClassBookingOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassBookingOptions>, ClassBookingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassBookingOptions>, RequiredServicesValidator>());
        services.TryAddSingleton(TimeProvider.System);
        ClassBookingServices.AddCoreServices(services);
        return new ClassBookingBuilder(services);
    }
}
