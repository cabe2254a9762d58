using MimeKit;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>Sends one composed message; throws <see cref="EmailDeliveryException"/> on failure.</summary>
public interface IEmailTransport
{
    /// <summary>Sends the message.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
