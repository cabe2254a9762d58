namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>How the connection to the SMTP server is secured (<see cref="SmtpOptions.Security"/>).</summary>
public enum SmtpSecurity
{
    /// <summary>
    /// Plain text, no TLS (usual port 25): for a relay on the same machine or a trusted network only. A login is
    /// accepted with it only to a loopback host, since the password would cross the network unencrypted.
    /// </summary>
    None,

    /// <summary>
    /// Connect in plain text, then upgrade with STARTTLS before anything else is said (usual port 587). Nothing is
    /// sent when the server does not offer STARTTLS.
    /// </summary>
    StartTls,

    /// <summary>TLS from the first byte, "implicit TLS" (usual port 465).</summary>
    SslOnConnect,
}
