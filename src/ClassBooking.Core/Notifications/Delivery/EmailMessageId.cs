using MimeKit;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>The check every transport makes before it sends: the message's <c>Message-ID</c>, which makes a retry recognisable.</summary>
internal static class EmailMessageId
{
    /// <summary>The message's <c>Message-ID</c> (without angle brackets).</summary>
    /// <exception cref="ArgumentException">The message has none.</exception>
    public static string Require(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrWhiteSpace(message.MessageId)
            ? throw new ArgumentException("The message has no Message-ID; a transport needs one so that a retried delivery can be recognised (BookingEmailComposer sets it).", nameof(message))
            : message.MessageId;
    }
}
