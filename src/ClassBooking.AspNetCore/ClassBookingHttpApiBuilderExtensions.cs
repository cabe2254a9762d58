using ClassBooking.AspNetCore;
using ClassBooking.AspNetCore.Http;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Lives where hosts already have a using for it, as ASP.NET Core's own AddX methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds ClassBooking's HTTP API to a <see cref="ClassBookingBuilder"/>.</summary>
public static class ClassBookingHttpApiBuilderExtensions
{
    /// <summary>
    /// Registers what <c>app.MapClassBooking("/api")</c> needs: <see cref="ClassBookingHttpApiOptions"/>, the rate
    /// limiter policies (the host calls <c>app.UseRateLimiter()</c>), ProblemDetails, antiforgery, and an
    /// <see cref="IShareTokenProtector"/> over Data Protection (so e-mails can link to the portal). Register the
    /// host's <see cref="ICurrentTeacher"/> with <see cref="AddCurrentTeacher{TCurrentTeacher}"/>. Safe to call more
    /// than once; options configured by each call add up.
    /// </summary>
    public static ClassBookingBuilder AddHttpApi(this ClassBookingBuilder builder, Action<ClassBookingHttpApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ClassBookingHttpApiOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassBookingHttpApiOptions>, HttpApiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, ConfigureClassBookingRateLimiter>());
        services.AddRateLimiter(_ => { });
        services.AddProblemDetails();
        services.AddAntiforgery();
        // Share tokens are kept encrypted with the host's Data Protection keys so e-mails can link to the portal.
        services.AddDataProtection();
        services.TryAddSingleton<IShareTokenProtector, DataProtectionShareTokenProtector>();
        return builder;
    }

    /// <summary>Uses the host's <typeparamref name="TCurrentTeacher"/> to find the signed-in teacher (replaces an earlier one).</summary>
    public static ClassBookingBuilder AddCurrentTeacher<TCurrentTeacher>(this ClassBookingBuilder builder)
        where TCurrentTeacher : class, ICurrentTeacher
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Scoped<ICurrentTeacher, TCurrentTeacher>());
        return builder;
    }
}
