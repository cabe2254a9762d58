using ClassBooking.Core.Notifications.Delivery;

namespace ClassBooking.Core.Tests.Notifications.Delivery;

/// <summary>Each rule of the e-mail options' start-up check, with the message it gives.</summary>
public sealed class ClassBookingEmailOptionsValidatorTests
{
    private const string Password = "correct-horse-battery-staple";

    private static ClassBookingEmailOptions Valid() => new()
    {
        From = "Maria Keller Music <bookings@keller-music.example>",
        Smtp = { Host = "smtp.keller-music.example", UserName = "bookings", Password = Password },
    };

    private static string? Failure(Action<ClassBookingEmailOptions> change)
    {
        var options = Valid();
        change(options);
        var result = new ClassBookingEmailOptionsValidator().Validate(null, options);
        return result.Failed ? result.FailureMessage : null;
    }

    /// <summary>Each broken setting, by name, and the words its message must hold.</summary>
    private static readonly Dictionary<string, (Action<ClassBookingEmailOptions> Change, string Message)> Rules = new()
    {
        ["empty From"] = (o => o.From = " ", "ClassBookingEmailOptions.From is empty; set the sender of the booking e-mails, e.g. \"Maria Keller Music <bookings@keller-music.example>\"."),
        ["From without a domain"] = (o => o.From = "bookings", "ClassBookingEmailOptions.From 'bookings' is not an e-mail address with a domain; write it as \"Name <bookings@example.org>\" or bookings@example.org."),
        ["From that is no address"] = (o => o.From = "Maria <<>", "ClassBookingEmailOptions.From 'Maria <<>' is not an e-mail address with a domain"),
        ["From whose domain cannot name a Message-ID"] = (o => o.From = "bookings@[192.0.2.1]", "ClassBookingEmailOptions.From 'bookings@[192.0.2.1]' cannot be used, since its domain also names the e-mails' Message-IDs: The Message-ID domain must be a host name such as keller-music.example (got '[192.0.2.1]')."),
        ["neither host nor pickup directory"] = (o => o.Smtp = new SmtpOptions(), "Neither ClassBookingEmailOptions.Smtp.Host nor ClassBookingEmailOptions.PickupDirectory is set; set Smtp.Host to send the e-mails through an SMTP server, or PickupDirectory to write each one as an .eml file into a folder."),
        ["port 0"] = (o => o.Smtp.Port = 0, "ClassBookingEmailOptions.Smtp.Port is 0; use 1 to 65535, or leave it unset for the usual port of Smtp.Security (587 for StartTls, 465 for SslOnConnect, 25 for None)."),
        ["port 65536"] = (o => o.Smtp.Port = 65536, "ClassBookingEmailOptions.Smtp.Port is 65536; use 1 to 65535"),
        ["unknown security"] = (o => o.Smtp.Security = (SmtpSecurity)7, "ClassBookingEmailOptions.Smtp.Security is 7; use None, StartTls or SslOnConnect."),
        ["zero timeout"] = (o => o.Smtp.Timeout = TimeSpan.Zero, "ClassBookingEmailOptions.Smtp.Timeout is 00:00:00; it must be positive and at most one hour (e.g. TimeSpan.FromSeconds(30))."),
        ["negative timeout"] = (o => o.Smtp.Timeout = TimeSpan.FromSeconds(-1), "ClassBookingEmailOptions.Smtp.Timeout is -00:00:01; it must be positive"),
        ["timeout over an hour"] = (o => o.Smtp.Timeout = TimeSpan.FromHours(2), "ClassBookingEmailOptions.Smtp.Timeout is 02:00:00; it must be positive and at most one hour"),
        ["password without user name"] = (o => o.Smtp.UserName = null, "ClassBookingEmailOptions.Smtp.Password is set but Smtp.UserName is not; set the user name too, or remove the password."),
        ["login without TLS to another machine"] = (o => o.Smtp.Security = SmtpSecurity.None, "ClassBookingEmailOptions.Smtp.UserName is set with Smtp.Security None, which would send the password unencrypted to smtp.keller-music.example; use StartTls (port 587) or SslOnConnect (port 465)."),
    };

    public static TheoryData<string> RuleNames => new(Rules.Keys);

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Each_broken_setting_fails_with_a_message_that_says_what_to_fix(string rule)
    {
        var (change, message) = Rules[rule];

        var failure = Failure(change);

        Assert.NotNull(failure);
        Assert.Contains(message, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_settings_with_a_login_over_starttls_are_valid() => Assert.Null(Failure(_ => { }));

    [Fact]
    public void A_pickup_directory_without_an_smtp_host_is_valid() =>
        Assert.Null(Failure(o => (o.Smtp, o.PickupDirectory) = (new SmtpOptions(), "mail-pickup")));

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void A_login_without_tls_to_a_loopback_relay_is_valid(string host) =>
        Assert.Null(Failure(o => (o.Smtp.Host, o.Smtp.Security) = (host, SmtpSecurity.None)));

    [Fact]
    public void Several_broken_settings_are_all_reported()
    {
        var failure = Failure(o => (o.From, o.Smtp.Port, o.Smtp.Timeout) = ("", 0, TimeSpan.Zero));

        Assert.NotNull(failure);
        Assert.Contains("From is empty", failure, StringComparison.Ordinal);
        Assert.Contains("Smtp.Port is 0", failure, StringComparison.Ordinal);
        Assert.Contains("Smtp.Timeout is 00:00:00", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls, null, 587)]
    [InlineData(SmtpSecurity.SslOnConnect, null, 465)]
    [InlineData(SmtpSecurity.None, null, 25)]
    [InlineData(SmtpSecurity.StartTls, 2525, 2525)]
    public void The_port_is_the_usual_one_of_the_security_unless_set(SmtpSecurity security, int? port, int expected) =>
        Assert.Equal(expected, new SmtpOptions { Security = security, Port = port }.EffectivePort);

    [Fact]
    public void The_defaults_are_starttls_on_587_with_a_30_second_timeout_and_no_login()
    {
        var smtp = new ClassBookingEmailOptions().Smtp;

        Assert.Equal(SmtpSecurity.StartTls, smtp.Security);
        Assert.Equal(587, smtp.EffectivePort);
        Assert.Equal(TimeSpan.FromSeconds(30), smtp.Timeout);
        Assert.Null(smtp.UserName);
    }
}
