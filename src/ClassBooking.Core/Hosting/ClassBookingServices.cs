using ClassBooking.Core.Notifications;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Hosting;

/// <summary>The core's default registrations (all TryAdd, so a host's own registration wins).</summary>
internal static class ClassBookingServices
{
    public static void AddCoreServices(IServiceCollection services)
    {
        services.TryAddSingleton<ClientAddressHasher>();
        services.TryAddSingleton<ShareTokenLookupGuard>();
        services.TryAddSingleton<AuditTrail>();
        services.AddOptions<ClassBookingNotificationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassBookingNotificationOptions>, ClassBookingNotificationOptionsValidator>());
        services.TryAddSingleton<BookingNotificationOutbox>();
        services.TryAddScoped<NotificationPreferenceService>();
        services.TryAddSingleton<CalendarFeedText>();
        services.TryAddScoped<TeacherPolicyService>();
        services.TryAddScoped<TimeSlotService>();
        services.TryAddScoped<SlotSeriesService>();
        services.TryAddScoped<BlockedPeriodService>();
        services.TryAddScoped<BookingService>();
        services.TryAddScoped<ShareTokenService>();
        services.TryAddScoped<StudentCalendarService>();
        services.TryAddScoped<StudentColorService>();
        services.TryAddScoped<CalendarFeedService>();
        services.TryAddScoped<TeacherNoticeService>();
    }
}

/// <summary>Fails start-up with a clear message when an integration point was not registered.</summary>
internal sealed class RequiredServicesValidator(IServiceProvider services) : IValidateOptions<ClassBookingOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassBookingOptions options)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        if (isService is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!isService.IsService(typeof(IClassBookingStore)))
        {
            failures.Add("No ClassBooking store is registered: call .AddEntityFrameworkStores(db => db.UseSqlite(...)) (or UseNpgsql) after AddClassBooking().");
        }

        if (!isService.IsService(typeof(IStudentDirectory)))
        {
            failures.Add("No student directory is registered: implement IStudentDirectory over your students and call .AddStudentDirectory<YourDirectory>() after AddClassBooking().");
        }

        if (!isService.IsService(typeof(ITeacherDirectory)))
        {
            failures.Add("No teacher directory is registered: implement ITeacherDirectory over your teachers and call .AddTeacherDirectory<YourDirectory>() after AddClassBooking().");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
