using ClassBooking.Core.Notifications.Delivery;
using MimeKit;

namespace ClassBooking.Specification.Tests;

/// <summary>
/// The mail server of the specification tests: keeps what it is given, or fails on demand. It stands for the
/// host's mail system, which is not part of the store under test; the real transports are tested against a real
/// SMTP server and a real pickup folder elsewhere.
/// </summary>
public sealed class RecordingEmailTransport : IEmailTransport
{
    private readonly List<MimeMessage> _sent = [];
    private readonly Lock _gate = new();

    /// <summary>When set, every send fails with this (transient unless marked permanent).</summary>
    public EmailDeliveryException? Failure { get; set; }

    /// <summary>Every message sent so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        // The dispatcher disposes the message after sending; keep a copy that outlives it.
        using var copy = new MemoryStream();
        message.WriteTo(copy, cancellationToken);
        copy.Position = 0;
        var kept = MimeMessage.Load(copy, cancellationToken);
        lock (_gate)
        {
            _sent.Add(kept);
        }

        return Task.CompletedTask;
    }
}
