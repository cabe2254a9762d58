using MimeKit;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// Hands one composed e-mail (see <see cref="BookingEmailComposer"/>) to the outside world: an SMTP server
/// (<see cref="SmtpEmailTransport"/>) or a pickup directory (<see cref="PickupDirectoryEmailTransport"/>).
/// Registered by <c>AddEmailDelivery()</c>; the outbox's delivery service calls it once per due message.
/// </summary>
/// <remarks>
/// Delivery is at least once: when a call fails with an unknown outcome (the connection dropped after the message
/// was sent but before the server confirmed it), the caller sends the same message again. An implementation must be
/// safe to call again with the same message, identified by its <c>Message-ID</c>: it may deliver a second copy with
/// that id (SMTP cannot tell), but must not fail or corrupt anything because of the repeat.
/// </remarks>
public interface IEmailTransport
{
    /// <summary>Sends one composed message.</summary>
    /// <param name="message">The message; it must carry a <c>Message-ID</c>, which stays the same on every retry.</param>
    /// <param name="cancellationToken">Cancels the send; the outcome is then unknown.</param>
    /// <exception cref="EmailDeliveryException">
    /// The message was not delivered; <see cref="EmailDeliveryException.IsPermanent"/> tells whether a retry can help.
    /// </exception>
    /// <exception cref="ArgumentException">The message has no <c>Message-ID</c>.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
