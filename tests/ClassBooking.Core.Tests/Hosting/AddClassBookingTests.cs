using ClassBooking.Core.Hosting;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClassBooking.Core.Tests.Hosting;

public sealed class AddClassBookingTests
{
    private static ServiceCollection CompleteServices(Action<ClassBookingOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddClassBooking(configure)
            .AddStudentDirectory<FakeStudentDirectory>()
            .AddTeacherDirectory<FakeTeacherDirectory>();
        services.AddSingleton<IClassBookingStore>(_ => throw new NotSupportedException("not resolved by these tests"));
        return services;
    }

    private static OptionsValidationException Invalid(Action<ClassBookingOptions> configure)
    {
        using var provider = CompleteServices(configure).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value);
    }

    [Fact]
    public void Valid_options_resolve_with_the_configured_values()
    {
        using var provider = CompleteServices(o =>
        {
            o.DefaultCancellationWindow = TimeSpan.FromHours(48);
            o.DefaultTimeZone = Times.Sydney;
            o.ClientAddressHashKey = "0123456789abcdef";
        }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(48), options.DefaultCancellationWindow);
        Assert.Equal(Times.Sydney, options.DefaultTimeZone);
        Assert.Equal(TimeSpan.FromHours(12), options.DefaultMinimumNotice); // untouched default
        // The start-up check a host runs (ValidateOnStart) passes too.
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var provider = CompleteServices().BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value;

        Assert.Equal("UTC", options.DefaultTimeZone);
        Assert.Equal(TimeSpan.FromDays(56), options.DefaultBookingHorizon);
        Assert.Null(options.ClientAddressHashKey);
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { "negative cancellation window", "ClassBookingOptions.DefaultCancellationWindow is -01:00:00. The cancellation window must be between 0 minutes and 30 days." },
        { "negative minimum notice", "ClassBookingOptions.DefaultMinimumNotice is -00:30:00. The minimum notice must be between 0 minutes and 30 days." },
        { "negative buffer before", "ClassBookingOptions.DefaultBufferBefore is -00:05:00. The buffer before a class must be between 0 minutes and 4 hours." },
        { "negative buffer after", "ClassBookingOptions.DefaultBufferAfter is -00:05:00. The buffer after a class must be between 0 minutes and 4 hours." },
        { "zero horizon", "ClassBookingOptions.DefaultBookingHorizon is 00:00:00. The booking horizon must be between 24 hours and 730 days." },
        { "zero weekly limit", "ClassBookingOptions.DefaultMaxBookingsPerStudentPerWeek is 0. The weekly limit must be between 1 and 50, or empty for no limit." },
        { "unknown zone", "ClassBookingOptions.DefaultTimeZone 'Europe/Londn' is not a known IANA time zone id (e.g. 'Europe/London')." },
        { "windows zone", "ClassBookingOptions.DefaultTimeZone 'GMT Standard Time' is not a known IANA time zone id (e.g. 'Europe/London')." },
        { "zero token lifetime", "ClassBookingOptions.ShareTokenLifetime is 00:00:00; it must be positive (e.g. TimeSpan.FromDays(180))." },
        { "short hash key", "ClassBookingOptions.ClientAddressHashKey is shorter than 16 characters; use a longer random secret, or leave it empty." },
    };

    private static readonly Dictionary<string, Action<ClassBookingOptions>> Breakers = new()
    {
        ["negative cancellation window"] = o => o.DefaultCancellationWindow = TimeSpan.FromHours(-1),
        ["negative minimum notice"] = o => o.DefaultMinimumNotice = TimeSpan.FromMinutes(-30),
        ["negative buffer before"] = o => o.DefaultBufferBefore = TimeSpan.FromMinutes(-5),
        ["negative buffer after"] = o => o.DefaultBufferAfter = TimeSpan.FromMinutes(-5),
        ["zero horizon"] = o => o.DefaultBookingHorizon = TimeSpan.Zero,
        ["zero weekly limit"] = o => o.DefaultMaxBookingsPerStudentPerWeek = 0,
        ["unknown zone"] = o => o.DefaultTimeZone = "Europe/Londn",
        ["windows zone"] = o => o.DefaultTimeZone = "GMT Standard Time",
        ["zero token lifetime"] = o => o.ShareTokenLifetime = TimeSpan.Zero,
        ["short hash key"] = o => o.ClientAddressHashKey = "too-short-key",
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_fails_with_a_message_that_says_what_to_fix(string breaker, string message)
    {
        var exception = Invalid(Breakers[breaker]);

        Assert.Equal([message], exception.Failures);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(ClassBookingOptions), exception.OptionsType);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once()
    {
        var exception = Invalid(o =>
        {
            o.DefaultCancellationWindow = TimeSpan.FromHours(-1);
            o.DefaultTimeZone = "Nowhere/Special";
            o.ClientAddressHashKey = "short";
        });

        Assert.Equal(3, exception.Failures.Count());
        Assert.Contains(exception.Failures, f => f.Contains("DefaultCancellationWindow", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("'Nowhere/Special'", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("ClientAddressHashKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sixteen-chars-ok")]
    public void An_empty_or_long_enough_hash_key_is_accepted(string? key)
    {
        using var provider = CompleteServices(o => o.ClientAddressHashKey = key).BuildServiceProvider();
        Assert.Equal(key, provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value.ClientAddressHashKey);
    }

    [Fact]
    public void Bad_options_also_fail_the_start_up_check()
    {
        using var provider = CompleteServices(o => o.DefaultTimeZone = "Europe/Londn").BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'Europe/Londn' is not a known IANA time zone id", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_integration_points_are_named_with_the_method_to_call()
    {
        var services = new ServiceCollection();
        services.AddClassBooking();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value);

        Assert.Equal(
            [
                "No ClassBooking store is registered: call .AddEntityFrameworkStores(db => db.UseSqlite(...)) (or UseNpgsql) after AddClassBooking().",
                "No student directory is registered: implement IStudentDirectory over your students and call .AddStudentDirectory<YourDirectory>() after AddClassBooking().",
                "No teacher directory is registered: implement ITeacherDirectory over your teachers and call .AddTeacherDirectory<YourDirectory>() after AddClassBooking().",
            ],
            exception.Failures);
    }

    [Fact]
    public void Each_missing_integration_point_is_reported_alone()
    {
        var noStore = new ServiceCollection();
        noStore.AddClassBooking().AddStudentDirectory<FakeStudentDirectory>().AddTeacherDirectory<FakeTeacherDirectory>();
        Assert.Contains(".AddEntityFrameworkStores(", Assert.Single(Failures(noStore)), StringComparison.Ordinal);

        var noStudents = new ServiceCollection();
        noStudents.AddClassBooking().AddTeacherDirectory<FakeTeacherDirectory>();
        noStudents.AddSingleton<IClassBookingStore>(_ => throw new NotSupportedException());
        Assert.Contains(".AddStudentDirectory<YourDirectory>()", Assert.Single(Failures(noStudents)), StringComparison.Ordinal);

        var noTeachers = new ServiceCollection();
        noTeachers.AddClassBooking().AddStudentDirectory<FakeStudentDirectory>();
        noTeachers.AddSingleton<IClassBookingStore>(_ => throw new NotSupportedException());
        Assert.Contains(".AddTeacherDirectory<YourDirectory>()", Assert.Single(Failures(noTeachers)), StringComparison.Ordinal);

        static IEnumerable<string> Failures(ServiceCollection services)
        {
            using var provider = services.BuildServiceProvider();
            return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value).Failures.ToList();
        }
    }

    [Fact]
    public void Option_errors_and_missing_services_are_reported_together()
    {
        var services = new ServiceCollection();
        services.AddClassBooking(o => o.ShareTokenLifetime = TimeSpan.FromDays(-1));
        using var provider = services.BuildServiceProvider();

        var failures = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value).Failures.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("ClassBookingOptions.ShareTokenLifetime", StringComparison.Ordinal));
    }

    [Fact]
    public void Calling_AddClassBooking_twice_registers_each_service_once_and_applies_both_configurations()
    {
        var services = new ServiceCollection();
        services.AddClassBooking(o => o.DefaultMinimumNotice = TimeSpan.FromHours(2));
        services.AddClassBooking(o => o.DefaultCancellationWindow = TimeSpan.FromHours(6));
        services.AddClassBooking()
            .AddStudentDirectory<FakeStudentDirectory>()
            .AddTeacherDirectory<FakeTeacherDirectory>();
        services.AddSingleton<IClassBookingStore>(_ => throw new NotSupportedException());

        Type[] once =
        [
            typeof(ClientAddressHasher), typeof(AuditTrail), typeof(TeacherPolicyService), typeof(TimeSlotService),
            typeof(SlotSeriesService), typeof(BlockedPeriodService), typeof(BookingService), typeof(ShareTokenService),
            typeof(StudentCalendarService), typeof(StudentColorService), typeof(TimeProvider), typeof(IStudentDirectory), typeof(ITeacherDirectory),
            typeof(IStartupValidator),
        ];
        Assert.All(once, type => Assert.Equal(1, services.Count(d => d.ServiceType == type)));
        var validators = services.Where(d => d.ServiceType == typeof(IValidateOptions<ClassBookingOptions>)).ToList();
        Assert.Equal(2, validators.Count);
        Assert.Equal(2, validators.Select(d => d.ImplementationType).Distinct().Count());
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IConfigureOptions<ClassBookingOptions>)));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(2), options.DefaultMinimumNotice);
        Assert.Equal(TimeSpan.FromHours(6), options.DefaultCancellationWindow);
    }

    [Fact]
    public void A_later_configuration_of_the_same_option_wins()
    {
        var services = CompleteServices(o => o.DefaultTimeZone = Times.London);
        services.AddClassBooking(o => o.DefaultTimeZone = Times.Kolkata);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(Times.Kolkata, provider.GetRequiredService<IOptions<ClassBookingOptions>>().Value.DefaultTimeZone);
    }

    [Fact]
    public void Directory_registrations_called_twice_keep_the_last_one()
    {
        var services = new ServiceCollection();
        services.AddClassBooking()
            .AddStudentDirectory<FakeStudentDirectory>()
            .AddStudentDirectory<OtherStudentDirectory>();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IStudentDirectory));
        Assert.Equal(typeof(OtherStudentDirectory), descriptor.ImplementationType);
        Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);
    }

    [Fact]
    public void The_hosts_own_time_provider_is_kept()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(fake);
        services.AddClassBooking();

        using var provider = services.BuildServiceProvider();
        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());

        var defaults = new ServiceCollection();
        defaults.AddClassBooking();
        using var defaultProvider = defaults.BuildServiceProvider();
        Assert.Same(TimeProvider.System, defaultProvider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void The_hasher_from_the_container_uses_the_configured_key()
    {
        using var one = CompleteServices(o => o.ClientAddressHashKey = "shared-key-for-all-instances").BuildServiceProvider();
        using var two = CompleteServices(o => o.ClientAddressHashKey = "shared-key-for-all-instances").BuildServiceProvider();

        var hash = one.GetRequiredService<ClientAddressHasher>().Hash("198.51.100.23");
        Assert.NotNull(hash);
        Assert.Equal(hash, two.GetRequiredService<ClientAddressHasher>().Hash("198.51.100.23"));
        Assert.Same(one.GetRequiredService<ClientAddressHasher>(), one.GetRequiredService<ClientAddressHasher>());
    }

    [Fact]
    public void Null_services_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddClassBooking());
    }

    private sealed class FakeStudentDirectory : IStudentDirectory
    {
        public Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StudentProfile>>([]);

        public Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
            Task.FromResult<StudentProfile?>(null);
    }

    private sealed class OtherStudentDirectory : IStudentDirectory
    {
        public Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StudentProfile>>([]);

        public Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
            Task.FromResult<StudentProfile?>(null);
    }

    private sealed class FakeTeacherDirectory : ITeacherDirectory
    {
        public Task<TeacherProfile?> FindTeacherAsync(string teacherId, CancellationToken cancellationToken) =>
            Task.FromResult<TeacherProfile?>(null);
    }
}
