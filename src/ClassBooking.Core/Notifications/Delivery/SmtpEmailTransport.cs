using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// Sends each message through an SMTP server with MailKit: connect, secure the connection as
/// <see cref="SmtpOptions.Security"/> says, log in when <see cref="SmtpOptions.UserName"/> is set, send, quit.
/// </summary>
/// <remarks>
/// <para>
/// Each call opens its own connection. Booking e-mails are few, so the cost is small, and nothing is shared: calls
/// may run in parallel, from any number of host instances, and a connection the server dropped while idle is never
/// reused.
/// </para>
/// <para>
/// SMTP cannot recognise a message it already accepted, so a retry after an unknown outcome (the connection dropped
/// after the message was sent but before the server confirmed it) may deliver a second copy. The copy carries the
/// same <c>Message-ID</c>, and calendar clients key the invitation on its UID and SEQUENCE, so it updates the same
/// event rather than adding one.
/// </para>
/// <para>
/// Failures become an <see cref="EmailDeliveryException"/> whose message names the server (host and port), never the
/// password. Permanent: a 5xx reply (the sender, a recipient or the message refused), a refused login, a server that
/// asks for a login none is configured for or offers none though <see cref="SmtpOptions.UserName"/> is set, a
/// message with no recipient, or a message the server cannot carry. Transient: the server unreachable or silent past <see cref="SmtpOptions.Timeout"/>, a 4xx
/// reply, the connection dropped, the TLS negotiation failed, or STARTTLS not offered. The last one is transient
/// because it can pass (a server offers STARTTLS again once its certificate loads; a network box that strips it goes
/// away) and because retrying loses nothing, while marking the message dead would lose the e-mail; the message says
/// to check <see cref="SmtpOptions.Security"/> if it persists.
/// </para>
/// </remarks>
public sealed class SmtpEmailTransport : IEmailTransport
{
    private readonly SmtpOptions options;
    private readonly string host;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">The server; <see cref="SmtpOptions.Host"/> must be set.</param>
    /// <param name="timeProvider">The clock of <see cref="SmtpOptions.Timeout"/>; the system clock by default.</param>
    /// <exception cref="ArgumentException"><see cref="SmtpOptions.Host"/> is empty or <see cref="SmtpOptions.Timeout"/> is not positive.</exception>
    public SmtpEmailTransport(SmtpOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new ArgumentException("SmtpOptions.Host must name the SMTP server.", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"SmtpOptions.Timeout must be positive (got {options.Timeout}).", nameof(options));
        }

        this.options = options;
        host = options.Host;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    private enum Stage
    {
        Connecting,
        LoggingIn,
        Sending,
    }

    private string Server => $"{host}:{options.EffectivePort.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        EmailMessageId.Require(message);
        if (!message.GetRecipients(onlyUnique: true).Any())
        {
            throw new EmailDeliveryException("The e-mail has no recipient address, so there is no one to send it to.", isPermanent: true);
        }

        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        using var client = new SmtpClient
        {
            // MailKit's own limit per read or write; the whole send is bounded by the linked token above.
            Timeout = (int)options.Timeout.TotalMilliseconds,
        };

        var stage = Stage.Connecting;
        try
        {
            await client.ConnectAsync(host, options.EffectivePort, SocketOptions(options.Security), token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                stage = Stage.LoggingIn;
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    throw new EmailDeliveryException(
                        $"The SMTP server {Server} does not offer a login (AUTH), but Smtp.UserName is set. Many servers offer it only over TLS: check Smtp.Security, or clear Smtp.UserName if this server accepts mail without a login.",
                        isPermanent: true);
                }

                await client.AuthenticateAsync(options.UserName, options.Password ?? "", token).ConfigureAwait(false);
            }

            stage = Stage.Sending;
            await client.SendAsync(message, token).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's cancellation is no delivery failure. MailKit reports it with the linked token, or as the
            // closed socket it causes: name the caller's token, as callers check it.
            throw new OperationCanceledException("The e-mail's delivery was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (Translate(e, stage, timeout.IsCancellationRequested) is { } failure)
        {
            throw failure;
        }

        await QuitAsync(client, token).ConfigureAwait(false);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Use None, StartTls or SslOnConnect."),
    };

    /// <summary>The delivery failure an exception means, or <see langword="null"/> to let it through unchanged.</summary>
    private EmailDeliveryException? Translate(Exception e, Stage stage, bool timedOut)
    {
        if (e is EmailDeliveryException)
        {
            return null;
        }

        if (timedOut && e is OperationCanceledException or IOException or SocketException)
        {
            return Transient($"The SMTP server {Server} did not complete the delivery within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({Doing(stage)}).", e);
        }

        return e switch
        {
            SmtpCommandException command => Refused(command),
            AuthenticationException => new EmailDeliveryException(
                $"The SMTP server {Server} refused the login ({e.Message}): check Smtp.UserName and Smtp.Password. Retrying with the same credentials will not help.",
                isPermanent: true, e),
            ServiceNotAuthenticatedException => new EmailDeliveryException(
                $"The SMTP server {Server} accepts mail only after a login ({e.Message}): set Smtp.UserName and Smtp.Password.",
                isPermanent: true, e),
            SslHandshakeException => Transient(
                $"The TLS negotiation with the SMTP server {Server} failed: check that Smtp.Security ({options.Security}) and the port match the server (StartTls on 587, SslOnConnect on 465) and that its certificate is valid.", e),
            NotSupportedException when stage == Stage.Connecting && options.Security == SmtpSecurity.StartTls => Transient(
                $"The SMTP server {Server} did not offer STARTTLS, so nothing was sent unencrypted. If this lasts, use the server's TLS port (SslOnConnect, 465), or Smtp.Security None on a trusted network only.", e),
            NotSupportedException => new EmailDeliveryException($"The SMTP server {Server} cannot take this e-mail: {e.Message}", isPermanent: true, e),
            SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException => Transient(
                $"The SMTP server {Server} could not be reached or dropped the connection ({Doing(stage)}): {e.Message}", e),
            OperationCanceledException or TimeoutException => Transient(
                $"The SMTP server {Server} did not answer in time ({Doing(stage)}).", e),
            _ => null,
        };
    }

    private EmailDeliveryException Refused(SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        var what = e.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"the recipient {e.Mailbox?.Address}",
            SmtpErrorCode.SenderNotAccepted => $"the sender {e.Mailbox?.Address}",
            _ => "the e-mail",
        };
        // 5xx is the server's "do not send this again"; 4xx its "try again later".
        return code is >= 500 and < 600
            ? new EmailDeliveryException($"The SMTP server {Server} refused {what}: {code} {e.Message}", isPermanent: true, e)
            : Transient($"The SMTP server {Server} did not accept {what} for now: {code} {e.Message}", e);
    }

    private static EmailDeliveryException Transient(string message, Exception cause) => new(message, isPermanent: false, cause);

    private static string Doing(Stage stage) => stage switch
    {
        Stage.Connecting => "while connecting",
        Stage.LoggingIn => "while logging in",
        _ => "while sending",
    };

    private static async Task QuitAsync(SmtpClient client, CancellationToken token)
    {
        // The server has accepted the message: a failure to say goodbye must not report a failure, or the outbox
        // would send the e-mail a second time.
        try
        {
            await client.DisconnectAsync(quit: true, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ProtocolException or CommandException)
        {
            // Disposing the client closes the socket either way.
        }
    }
}
