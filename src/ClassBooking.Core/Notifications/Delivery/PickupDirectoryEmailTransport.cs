using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// Writes each message as an <c>.eml</c> file into a directory, for development or for a mail server that collects
/// messages from a folder. The file is named after the message's <c>Message-ID</c>, so a retried message replaces its
/// own file instead of adding a second one.
/// </summary>
/// <remarks>
/// A file appears whole or not at all: the message is written to a hidden temporary file (<c>.*.tmp</c>) in the same
/// directory, flushed to disk, then renamed over the target, which is atomic within one file system. A reader that
/// lists <c>*.eml</c> never sees a half-written message. The bytes are <see cref="BookingEmailComposer.WireFormat"/>
/// (CRLF line ends).
/// </remarks>
public sealed class PickupDirectoryEmailTransport : IEmailTransport
{
    // A Message-ID kept whole in a file name only up to this length, leaving room for the suffix and the file
    // system's usual 255-byte limit.
    private const int MaxPlainNameLength = 200;

    /// <summary>Creates the transport.</summary>
    /// <param name="directory">The folder to write to; created when missing. A relative path is resolved against the current directory.</param>
    /// <exception cref="ArgumentException">The directory is empty.</exception>
    public PickupDirectoryEmailTransport(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The full path of the folder the messages are written to.</summary>
    public string Directory { get; }

    /// <summary>
    /// The file name (without folder) a message with this <c>Message-ID</c> is written to. A Message-ID made only of
    /// ASCII letters, digits and <c>. - _ @ +</c>, not starting with a dot (every one <see cref="BookingEmailComposer"/>
    /// makes), is used as it is: <c>{id}.eml</c>. Any other, or a very long one, has its other characters replaced by <c>_</c>, is shortened,
    /// and gets a hash of the whole id appended, so two different ids never share a file.
    /// </summary>
    /// <exception cref="ArgumentException">The Message-ID is empty.</exception>
    public static string FileNameFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var safe = string.Create(messageId.Length, messageId, static (chars, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                // A leading dot would hide the file from readers that skip dot files.
                chars[i] = char.IsAsciiLetterOrDigit(id[i]) || id[i] is '-' or '_' or '@' or '+' || (id[i] == '.' && i > 0) ? id[i] : '_';
            }
        });
        if (safe.Length <= MaxPlainNameLength && string.Equals(safe, messageId, StringComparison.Ordinal))
        {
            return safe + ".eml";
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)), 0, 8);
        return $"{safe[..Math.Min(safe.Length, 100)]}-{hash}.eml";
    }

    /// <inheritdoc />
    /// <exception cref="EmailDeliveryException">The directory could not be created or the file not written (transient).</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Directory, FileNameFor(EmailMessageId.Require(message)));
        // Hidden and unique, so readers that list *.eml skip it and two instances retrying one message don't collide.
        var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await message.WriteToAsync(BookingEmailComposer.WireFormat, stream, cancellationToken).ConfigureAwait(false);
                // On disk before the rename makes it visible, so a crash cannot leave a named but empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException($"The e-mail could not be written to the pickup directory {Directory}: {e.Message}", isPermanent: false, e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leaving a hidden .tmp behind is harmless; the delivery's own outcome is what matters to the caller.
        }
    }
}
