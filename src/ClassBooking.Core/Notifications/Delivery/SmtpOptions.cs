namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>The SMTP server the booking e-mails go through (<see cref="ClassBookingEmailOptions.Smtp"/>).</summary>
/// <remarks>No member prints <see cref="Password"/>: the type does not override <see cref="object.ToString"/>.</remarks>
public sealed class SmtpOptions
{
    /// <summary>
    /// The server's host name, e.g. <c>smtp.example.org</c>. When set, e-mails are sent through this server; when
    /// empty, they are written to <see cref="ClassBookingEmailOptions.PickupDirectory"/>.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>
    /// The server's port, 1 to 65535; unset (the default) means the usual port of <see cref="Security"/>: 587 for
    /// <see cref="SmtpSecurity.StartTls"/>, 465 for <see cref="SmtpSecurity.SslOnConnect"/>, 25 for
    /// <see cref="SmtpSecurity.None"/> (see <see cref="EffectivePort"/>).
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// How the connection is secured; <see cref="SmtpSecurity.StartTls"/> by default, the submission setting most
    /// providers document, and one that never sends the message or the password unencrypted.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The user name to log in with; when empty, no login is attempted.</summary>
    public string? UserName { get; set; }

    /// <summary>The password of <see cref="UserName"/>. Never written to a message or a log.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The longest one send may take, from connecting to the server's acceptance of the message (30 seconds). A
    /// send still running then is abandoned as a transient failure, so a stalled server cannot hold a delivery (and
    /// its outbox lease) for long.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The port connected to: <see cref="Port"/>, or when unset the usual port of <see cref="Security"/>.</summary>
    public int EffectivePort => Port ?? Security switch
    {
        SmtpSecurity.None => 25,
        SmtpSecurity.SslOnConnect => 465,
        _ => 587,
    };
}
