using ClassBooking.Testing.Smtp;
using System.Net;
using System.Net.Sockets;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static ClassBooking.Core.Tests.Notifications.BookingEmails;

namespace ClassBooking.Core.Tests.Notifications.Delivery;

/// <summary>The SMTP transport against a real SMTP server on loopback (aiosmtpd, see <see cref="SmtpTestServer"/>).</summary>
public sealed class SmtpEmailTransportTests
{
    private const string Password = "correct-horse-battery-staple";
    private const string Student = "sam.patel@example.org";

    private static MimeMessage Confirmation() => Composer().Compose(Email(BookingEmailKind.BookingConfirmed));

    private static SmtpEmailTransport Transport(int port, Action<SmtpOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new SmtpOptions { Host = SmtpTestServer.Host, Port = port, Security = SmtpSecurity.None };
        configure?.Invoke(options);
        return new SmtpEmailTransport(options, timeProvider);
    }

    private static async Task<EmailDeliveryException> FailedDelivery(SmtpEmailTransport transport) =>
        await Assert.ThrowsAsync<EmailDeliveryException>(() => transport.SendAsync(Confirmation(), CancellationToken.None));

    /// <summary>Sends a confirmation that must fail as <paramref name="permanent"/> says, with the given words and without the password, leaving the server empty.</summary>
    private static async Task<EmailDeliveryException> NothingDelivered(SmtpTestServer server, SmtpEmailTransport transport, bool permanent, params string[] words)
    {
        var failure = await FailedDelivery(transport);

        Assert.Equal(permanent, failure.IsPermanent);
        Assert.All(words, word => Assert.Contains(word, failure.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.ReceivedMessages());
        return failure;
    }

    /// <summary>A loopback listener that accepts connections and never says a word.</summary>
    private static TcpListener SilentServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    [Fact]
    public async Task A_booking_confirmation_arrives_with_its_message_id_subject_recipient_and_calendar_request()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var sent = Confirmation();

        await Transport(server.Port).SendAsync(sent, CancellationToken.None);

        var received = Assert.Single(server.ReceivedMessages());
        Assert.Equal("notification-42@keller-music.example", received.MessageId);
        Assert.Equal(sent.Subject, received.Subject);
        Assert.Equal(Student, Assert.IsType<MailboxAddress>(Assert.Single(received.To)).Address);
        Assert.Equal(Student, received.Headers["X-RcptTo"]); // the envelope recipient aiosmtpd records
        Assert.Equal("bookings@keller-music.example", Assert.IsType<MailboxAddress>(Assert.Single(received.From)).Address);
        var calendar = Assert.Single(CalendarParts(received));
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal(Decoded(Assert.Single(CalendarParts(sent))), Decoded(calendar));
        Assert.Contains("METHOD:REQUEST\r\n", Decoded(calendar), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_message_sent_twice_arrives_twice_with_the_same_message_id()
    {
        // SMTP cannot recognise a repeat: the receiver sees two copies, which its stable Message-ID (and the
        // invitation's UID and SEQUENCE) let a mail or calendar client treat as one.
        await using var server = await SmtpTestServer.StartAsync();
        var message = Confirmation();
        var transport = Transport(server.Port);

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        var received = server.ReceivedMessages();
        Assert.Equal(2, received.Count);
        Assert.All(received, copy => Assert.Equal("notification-42@keller-music.example", copy.MessageId));
    }

    [Fact]
    public async Task A_server_nobody_listens_on_is_a_transient_failure_that_names_the_server_but_not_the_password()
    {
        var port = SmtpTestServer.FreePort();

        var failure = await FailedDelivery(Transport(port, o => (o.UserName, o.Password) = ("bookings", Password)));

        Assert.False(failure.IsPermanent);
        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<SocketException>(failure.InnerException);
    }

    [Theory]
    [InlineData("550 5.1.1 no such user", true, "refused the recipient sam.patel@example.org: 550 5.1.1 no such user")]
    [InlineData("452 4.2.2 mailbox full, try again later", false, "did not accept the recipient sam.patel@example.org for now: 452 4.2.2 mailbox full")]
    public async Task A_recipient_refused_with_5xx_is_a_permanent_failure_and_with_4xx_a_transient_one(string reply, bool permanent, string message)
    {
        await using var server = await SmtpTestServer.StartRefusingAsync(Student, reply);

        await NothingDelivered(server, Transport(server.Port), permanent, message);
    }

    // STARTTLS not offered is transient by choice: a server can stop offering it for a while (a certificate that
    // failed to load, a network box that strips it), and retrying loses nothing, while a permanent failure would lose
    // the e-mail.
    [Theory]
    [InlineData(SmtpSecurity.StartTls, "did not offer STARTTLS, so nothing was sent unencrypted")]
    [InlineData(SmtpSecurity.SslOnConnect, "failed: check that Smtp.Security (SslOnConnect) and the port match the server")]
    public async Task Tls_that_a_plain_text_server_cannot_give_sends_nothing_and_is_a_transient_failure_that_says_so(SmtpSecurity security, string message)
    {
        await using var server = await SmtpTestServer.StartAsync();

        await NothingDelivered(server, Transport(server.Port, o => o.Security = security), permanent: false, message);
    }

    [Fact]
    public async Task A_login_configured_for_a_server_that_offers_none_is_a_permanent_failure_that_says_what_to_check()
    {
        await using var server = await SmtpTestServer.StartAsync();

        await NothingDelivered(
            server, Transport(server.Port, o => (o.UserName, o.Password) = ("bookings", Password)), permanent: true,
            "does not offer a login (AUTH), but Smtp.UserName is set");
    }

    [Fact]
    public async Task With_the_right_login_the_message_is_delivered()
    {
        await using var server = await SmtpTestServer.StartWithLoginAsync("bookings", Password);

        await Transport(server.Port, o => (o.UserName, o.Password) = ("bookings", Password)).SendAsync(Confirmation(), CancellationToken.None);

        Assert.Equal("notification-42@keller-music.example", Assert.Single(server.ReceivedMessages()).MessageId);
    }

    [Fact]
    public async Task A_server_that_asks_for_a_login_refuses_the_message_without_one_as_a_permanent_failure()
    {
        await using var server = await SmtpTestServer.StartWithLoginAsync("bookings", Password);

        await NothingDelivered(
            server, Transport(server.Port), permanent: true,
            $"The SMTP server 127.0.0.1:{server.Port} accepts mail only after a login", "set Smtp.UserName and Smtp.Password");
    }

    [Fact]
    public async Task A_wrong_password_is_a_permanent_failure_that_says_what_to_check_without_the_password()
    {
        const string WrongPassword = "tr0ub4dor&3";
        await using var server = await SmtpTestServer.StartWithLoginAsync("bookings", Password);

        var failure = await NothingDelivered(
            server, Transport(server.Port, o => (o.UserName, o.Password) = ("bookings", WrongPassword)), permanent: true,
            $"The SMTP server 127.0.0.1:{server.Port} refused the login", "check Smtp.UserName and Smtp.Password");

        Assert.DoesNotContain(WrongPassword, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_transient_failure_once_the_timeout_passes()
    {
        using var silent = SilentServer();
        var time = new FakeTimeProvider();
        var transport = Transport(((IPEndPoint)silent.LocalEndpoint).Port, o => o.Timeout = TimeSpan.FromSeconds(30), time);

        var sending = transport.SendAsync(Confirmation(), CancellationToken.None);
        using var connection = await silent.AcceptTcpClientAsync(); // connected, waiting for a greeting that never comes
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(sending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => sending);
        Assert.False(failure.IsPermanent);
        Assert.Contains("did not complete the delivery within 30 s (while connecting)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_delivery_failure()
    {
        using var silent = SilentServer();
        using var cancellation = new CancellationTokenSource();
        var transport = Transport(((IPEndPoint)silent.LocalEndpoint).Port);

        var sending = transport.SendAsync(Confirmation(), cancellation.Token);
        using var connection = await silent.AcceptTcpClientAsync();
        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
    }

    [Fact]
    public async Task A_message_without_a_message_id_is_refused_before_connecting()
    {
        var message = Confirmation();
        message.Headers.Remove(HeaderId.MessageId);

        // No server listens on this port: the argument check comes first.
        await Assert.ThrowsAsync<ArgumentException>(() => Transport(SmtpTestServer.FreePort()).SendAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_without_a_recipient_is_a_permanent_failure()
    {
        var message = Confirmation();
        message.To.Clear();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Transport(SmtpTestServer.FreePort()).SendAsync(message, CancellationToken.None));

        Assert.True(failure.IsPermanent);
        Assert.Contains("no recipient", failure.Message, StringComparison.Ordinal);
    }
}
