namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// An e-mail could not be delivered. <see cref="Exception.Message"/> says why in words that are safe to store with
/// the outbox row and to show a teacher: it never holds a password or a stack trace (the cause, for logs, is
/// <see cref="Exception.InnerException"/>).
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    /// <summary>Creates a transient delivery failure with a generic message.</summary>
    public EmailDeliveryException()
        : this("The e-mail could not be delivered.")
    {
    }

    /// <summary>Creates a transient delivery failure.</summary>
    /// <param name="message">Why, safe to show a teacher.</param>
    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a transient delivery failure with its cause.</summary>
    /// <param name="message">Why, safe to show a teacher.</param>
    /// <param name="innerException">The cause, for logs.</param>
    public EmailDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a delivery failure.</summary>
    /// <param name="message">Why, safe to show a teacher.</param>
    /// <param name="isPermanent">Whether retrying cannot help (see <see cref="IsPermanent"/>).</param>
    /// <param name="innerException">The cause, for logs.</param>
    public EmailDeliveryException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException) => IsPermanent = isPermanent;

    /// <summary>
    /// <see langword="true"/> when retrying the same message will not help: the server refused the message, the
    /// sender or a recipient with a 5xx reply, refused the login, or an address is unusable. <see langword="false"/>
    /// when the failure may pass: the server could not be reached, timed out, answered 4xx ("try again later"), the
    /// connection dropped or the TLS negotiation failed, or the pickup directory could not be written.
    /// </summary>
    public bool IsPermanent { get; }
}
