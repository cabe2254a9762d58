using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// Where the booking e-mails go and whom they come from: configured by <c>AddEmailDelivery(o => ...)</c> and checked
/// at start-up. With <see cref="SmtpOptions.Host"/> set, e-mails are sent through that SMTP server; otherwise each is
/// written as an <c>.eml</c> file into <see cref="PickupDirectory"/>.
/// </summary>
public sealed class ClassBookingEmailOptions
{
    /// <summary>
    /// The folder that receives one <c>.eml</c> file per e-mail when no SMTP host is set (created if missing), e.g.
    /// for development or for a mail server that collects files from a folder. A relative path is resolved against
    /// the process's current directory.
    /// </summary>
    public string? PickupDirectory { get; set; }

    /// <summary>
    /// The sender of every e-mail, required, e.g. <c>"Maria Keller Music &lt;bookings@keller-music.example&gt;"</c>.
    /// Its domain is also the domain of the e-mails' <c>Message-ID</c>s, so it must be a plain host name.
    /// </summary>
    public string From { get; set; } = "";

    /// <summary>The SMTP server; used when its <see cref="SmtpOptions.Host"/> is set.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether e-mails go through SMTP (a host is set) rather than into the pickup directory.</summary>
    internal bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp?.Host);
}

/// <summary>Checks <see cref="ClassBookingEmailOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class ClassBookingEmailOptionsValidator : IValidateOptions<ClassBookingEmailOptions>
{
    private const string Prefix = "ClassBookingEmailOptions.";

    public ValidateOptionsResult Validate(string? name, ClassBookingEmailOptions options)
    {
        var failures = new List<string>();
        CheckFrom(options.From, failures);

        var smtp = options.Smtp;
        if (smtp is null)
        {
            failures.Add($"{Prefix}Smtp is null; leave it at its default, or set Smtp.Host to send through an SMTP server.");
            return ValidateOptionsResult.Fail(failures);
        }

        if (!options.UsesSmtp && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add($"Neither {Prefix}Smtp.Host nor {Prefix}PickupDirectory is set; set Smtp.Host to send the e-mails through an SMTP server, or PickupDirectory to write each one as an .eml file into a folder.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add($"{Prefix}Smtp.Port is {smtp.Port}; use 1 to 65535, or leave it unset for the usual port of Smtp.Security (587 for StartTls, 465 for SslOnConnect, 25 for None).");
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add($"{Prefix}Smtp.Security is {smtp.Security}; use None, StartTls or SslOnConnect.");
        }

        if (smtp.Timeout <= TimeSpan.Zero || smtp.Timeout > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}Smtp.Timeout is {smtp.Timeout}; it must be positive and at most one hour (e.g. TimeSpan.FromSeconds(30)).");
        }

        if (!string.IsNullOrEmpty(smtp.Password) && string.IsNullOrEmpty(smtp.UserName))
        {
            failures.Add($"{Prefix}Smtp.Password is set but Smtp.UserName is not; set the user name too, or remove the password.");
        }

        if (!string.IsNullOrEmpty(smtp.UserName) && smtp.Security == SmtpSecurity.None && options.UsesSmtp && !IsLoopback(smtp.Host!))
        {
            failures.Add($"{Prefix}Smtp.UserName is set with Smtp.Security None, which would send the password unencrypted to {smtp.Host}; use StartTls (port 587) or SslOnConnect (port 465). A login without TLS is accepted to a loopback host (localhost, 127.0.0.1, ::1) only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFrom(string? from, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            failures.Add($"{Prefix}From is empty; set the sender of the booking e-mails, e.g. \"Maria Keller Music <bookings@keller-music.example>\".");
            return;
        }

        if (!MailboxAddress.TryParse(from, out var sender) || string.IsNullOrEmpty(sender.Domain))
        {
            failures.Add($"{Prefix}From '{from}' is not an e-mail address with a domain; write it as \"Name <bookings@example.org>\" or bookings@example.org.");
            return;
        }

        // The composer owns the rule for the Message-ID domain (the sender's domain): ask it rather than restate it.
        try
        {
            _ = new BookingEmailComposer(new BookingEmailText(), sender);
        }
        catch (ArgumentException e)
        {
            var reason = e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            failures.Add($"{Prefix}From '{from}' cannot be used, since its domain also names the e-mails' Message-IDs: {reason}");
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
