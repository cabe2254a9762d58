using ClassBooking.Testing.Smtp;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;
using static ClassBooking.Core.Tests.Notifications.BookingEmails;

namespace ClassBooking.Core.Tests.Notifications.Delivery;

/// <summary>What <c>AddEmailDelivery</c> registers, resolved from a real service provider.</summary>
public sealed class AddEmailDeliveryTests
{
    private const string From = "Maria Keller Music <bookings@keller-music.example>";

    private static ServiceProvider Provider(Action<ClassBookingEmailOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddClassBooking().AddEmailDelivery(configure);
        return services.BuildServiceProvider();
    }

    private static void Pickup(ClassBookingEmailOptions o) => (o.From, o.PickupDirectory) = (From, "mail-pickup");

    [Fact]
    public void Without_an_smtp_host_the_pickup_directory_transport_is_used()
    {
        using var provider = Provider(Pickup);

        var transport = Assert.IsType<PickupDirectoryEmailTransport>(provider.GetRequiredService<IEmailTransport>());

        Assert.Equal(Path.GetFullPath("mail-pickup"), transport.Directory);
    }

    [Fact]
    public void With_an_smtp_host_the_smtp_transport_is_used_even_when_a_pickup_directory_is_set()
    {
        using var provider = Provider(o =>
        {
            Pickup(o);
            o.Smtp.Host = "smtp.keller-music.example";
        });

        Assert.IsType<SmtpEmailTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.Same(provider.GetRequiredService<IEmailTransport>(), provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void An_invalid_sender_fails_the_start_up_check_and_the_transport_with_the_message()
    {
        using var provider = Provider(o => (o.From, o.PickupDirectory) = ("bookings", "mail-pickup"));
        const string Message = "ClassBookingEmailOptions.From 'bookings' is not an e-mail address with a domain";

        // AddClassBooking's own check fails too here (no store is registered): find the e-mail options' failure.
        var startUp = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = startUp is AggregateException all ? all.InnerExceptions : [startUp];
        Assert.Contains(failures.OfType<OptionsValidationException>(), e => e.OptionsType == typeof(ClassBookingEmailOptions) && e.Message.Contains(Message, StringComparison.Ordinal));
        var resolving = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IEmailTransport>());
        Assert.Contains(Message, resolving.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_composer_signs_every_message_with_the_configured_sender()
    {
        using var provider = Provider(Pickup);

        var message = provider.GetRequiredService<BookingEmailComposer>().Compose(Email(BookingEmailKind.Reminder));

        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Maria Keller Music", "bookings@keller-music.example"), (from.Name, from.Address));
        Assert.Equal("notification-42@keller-music.example", message.MessageId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_hosts_own_wording_registered_before_or_replaced_after_is_used(bool before)
    {
        var services = new ServiceCollection();
        if (before)
        {
            services.AddSingleton<BookingEmailText, PoliteText>();
        }

        services.AddClassBooking().AddEmailDelivery(Pickup);
        if (!before)
        {
            services.Replace(ServiceDescriptor.Singleton<BookingEmailText, PoliteText>());
        }

        using var provider = services.BuildServiceProvider();

        var message = provider.GetRequiredService<BookingEmailComposer>().Compose(Email(BookingEmailKind.Reminder));

        Assert.Equal(PoliteText.Wording, message.Subject);
    }

    [Fact]
    public void Calling_it_twice_adds_up_the_options_and_registers_each_service_once()
    {
        var services = new ServiceCollection();
        services.AddClassBooking()
            .AddEmailDelivery(o => o.From = From)
            .AddEmailDelivery(o => o.Smtp.Host = "smtp.keller-music.example");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ClassBookingEmailOptions>>().Value;
        Assert.Equal((From, "smtp.keller-music.example"), (options.From, options.Smtp.Host));
        Assert.Single(services, d => d.ServiceType == typeof(IEmailTransport));
        Assert.Single(services, d => d.ServiceType == typeof(BookingEmailComposer));
        Assert.Single(services, d => d.ServiceType == typeof(BookingEmailText));
        Assert.Single(services, d => d.ImplementationType == typeof(ClassBookingEmailOptionsValidator));
        Assert.IsType<SmtpEmailTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void It_starts_the_outboxs_delivery_service_once_however_often_it_is_called()
    {
        var services = new ServiceCollection();
        services.AddClassBooking().AddEmailDelivery(Pickup).AddEmailDelivery(Pickup);

        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(NotificationDeliveryService));
        Assert.Single(services, d => d.ServiceType == typeof(NotificationDispatcher));
        Assert.Single(services, d => d.ServiceType == typeof(BookingEmailFactory));
    }

    [Fact]
    public async Task The_registered_composer_and_smtp_transport_deliver_a_booking_email_to_a_real_server()
    {
        await using var server = await SmtpTestServer.StartAsync();
        using var provider = Provider(o =>
        {
            o.From = From;
            (o.Smtp.Host, o.Smtp.Port, o.Smtp.Security) = (SmtpTestServer.Host, server.Port, SmtpSecurity.None);
        });
        var message = provider.GetRequiredService<BookingEmailComposer>().Compose(Email(BookingEmailKind.BookingCancelled));

        await provider.GetRequiredService<IEmailTransport>().SendAsync(message, CancellationToken.None);

        var received = Assert.Single(server.ReceivedMessages());
        Assert.Equal(message.MessageId, received.MessageId);
        Assert.Equal("CANCEL", Assert.Single(CalendarParts(received)).ContentType.Parameters["method"]);
    }

    private sealed class PoliteText : BookingEmailText
    {
        public const string Wording = "A note about your class";

        public override string Subject(BookingEmail email) => Wording;
    }
}
