using ClassBooking.Core.Hosting;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

#pragma warning disable IDE0130 // Lives where hosts already have a using for it, as ASP.NET Core's own AddX methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds the booking e-mails' composition and transport to ClassBooking.</summary>
public static class ClassBookingEmailBuilderExtensions
{
    /// <summary>
    /// Registers what the booking e-mails need: <see cref="ClassBookingEmailOptions"/> (checked at start-up), the
    /// <see cref="IEmailTransport"/> they chose (<see cref="SmtpEmailTransport"/> when <c>Smtp.Host</c> is set, else
    /// <see cref="PickupDirectoryEmailTransport"/>), the wording <see cref="BookingEmailText"/> and the
    /// <see cref="BookingEmailComposer"/> that signs every message with <see cref="ClassBookingEmailOptions.From"/>.
    /// It also starts the outbox's delivery: the hosted <see cref="NotificationDeliveryService"/>, which every host
    /// instance may run (switch it off on an instance with <see cref="ClassBookingNotificationOptions.DeliveryEnabled"/>).
    /// </summary>
    /// <remarks>
    /// Safe to call more than once; options configured by each call add up. Every service is added only when none is
    /// registered yet, so a host's own wins: to reword or translate the e-mails, derive from
    /// <see cref="BookingEmailText"/> and register it before this call
    /// (<c>builder.Services.AddSingleton&lt;BookingEmailText, MyText&gt;()</c>) or after it
    /// (<c>builder.Services.Replace(ServiceDescriptor.Singleton&lt;BookingEmailText, MyText&gt;())</c>); an
    /// <see cref="IEmailTransport"/> of the host's own is registered the same way.
    /// </remarks>
    /// <param name="builder">The builder <c>AddClassBooking()</c> returned.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; { o.From = "..."; o.Smtp.Host = "..."; }</c>.</param>
    public static ClassBookingBuilder AddEmailDelivery(this ClassBookingBuilder builder, Action<ClassBookingEmailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<ClassBookingEmailOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassBookingEmailOptions>, ClassBookingEmailOptionsValidator>());
        // Chosen when first resolved, from the options as configured by then (possibly bound from configuration).
        services.TryAddSingleton<IEmailTransport>(provider => CreateTransport(
            provider.GetRequiredService<IOptions<ClassBookingEmailOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BookingEmailText>();
        services.TryAddSingleton(provider => new BookingEmailComposer(
            provider.GetRequiredService<BookingEmailText>(),
            MailboxAddress.Parse(provider.GetRequiredService<IOptions<ClassBookingEmailOptions>>().Value.From)));
        NotificationDeliveryServices.Add(services);
        return builder;
    }

    private static IEmailTransport CreateTransport(ClassBookingEmailOptions options, TimeProvider timeProvider) =>
        options.UsesSmtp
            ? new SmtpEmailTransport(options.Smtp, timeProvider)
            : new PickupDirectoryEmailTransport(options.PickupDirectory!);
}
