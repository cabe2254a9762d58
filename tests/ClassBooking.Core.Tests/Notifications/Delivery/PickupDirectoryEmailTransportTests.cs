using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using MimeKit;
using static ClassBooking.Core.Tests.Notifications.BookingEmails;

namespace ClassBooking.Core.Tests.Notifications.Delivery;

/// <summary>The pickup-directory transport writing into a real temporary folder.</summary>
public sealed class PickupDirectoryEmailTransportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("classbooking-pickup-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static MimeMessage Confirmation() => Composer().Compose(Email(BookingEmailKind.BookingConfirmed));

    private static byte[] WireBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(BookingEmailComposer.WireFormat, stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_message_is_written_into_a_new_folder_as_one_eml_named_after_its_message_id_that_reads_back_equal()
    {
        var folder = Path.Combine(root, "mail", "pickup"); // does not exist yet
        var sent = Confirmation();

        await new PickupDirectoryEmailTransport(folder).SendAsync(sent, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("notification-42@keller-music.example.eml", Path.GetFileName(file));
        Assert.Equal(WireBytes(sent), await File.ReadAllBytesAsync(file));
        var read = MimeMessage.Load(file);
        Assert.Equal(sent.MessageId, read.MessageId);
        Assert.Equal(sent.Subject, read.Subject);
        Assert.Equal(
            sent.BodyParts.Select(part => part.ContentType.MimeType),
            read.BodyParts.Select(part => part.ContentType.MimeType));
        Assert.Equal("REQUEST", Assert.Single(CalendarParts(read)).ContentType.Parameters["method"]);
        Assert.Equal(Decoded(Assert.Single(CalendarParts(sent))), Decoded(Assert.Single(CalendarParts(read))));
    }

    [Fact]
    public async Task Every_line_of_the_file_ends_with_crlf()
    {
        var transport = new PickupDirectoryEmailTransport(root);

        await transport.SendAsync(Confirmation(), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(root, "notification-42@keller-music.example.eml"));
        var lineFeeds = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == '\n').ToList();
        Assert.True(lineFeeds.Count > 20, "the message has many lines");
        Assert.All(lineFeeds, i => Assert.True(i > 0 && bytes[i - 1] == '\r', $"LF without CR at byte {i}"));
    }

    [Fact]
    public async Task Sending_the_same_message_again_replaces_its_file_and_leaves_no_temporary_file()
    {
        var transport = new PickupDirectoryEmailTransport(root);
        var message = Confirmation();

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(Composer().Compose(Email(BookingEmailKind.Reminder) with { MessageKey = "notification-43" }), CancellationToken.None);

        // Hidden files included: a left-over temporary file would show here.
        Assert.Equal(
            ["notification-42@keller-music.example.eml", "notification-43@keller-music.example.eml"],
            Directory.GetFiles(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(WireBytes(message), await File.ReadAllBytesAsync(Path.Combine(root, "notification-42@keller-music.example.eml")));
    }

    [Fact]
    public async Task A_retry_replaces_the_file_whole_so_a_reader_that_opened_it_still_reads_the_old_message()
    {
        var transport = new PickupDirectoryEmailTransport(root);
        var first = Confirmation();
        var changed = Confirmation();
        changed.Subject = "The same Message-ID, other bytes";
        var file = Path.Combine(root, "notification-42@keller-music.example.eml");
        await transport.SendAsync(first, CancellationToken.None);

        await using (var reader = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            await transport.SendAsync(changed, CancellationToken.None);

            // Renamed over, not rewritten in place: the open file is still the first message, byte for byte.
            using var copy = new MemoryStream();
            await reader.CopyToAsync(copy);
            Assert.Equal(WireBytes(first), copy.ToArray());
        }

        Assert.Equal(WireBytes(changed), await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_is_a_transient_failure_that_names_it()
    {
        var blocker = Path.Combine(root, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a regular file where the folder's parent should be");
        var folder = Path.Combine(blocker, "pickup");

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => new PickupDirectoryEmailTransport(folder).SendAsync(Confirmation(), CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Contains($"could not be written to the pickup directory {folder}", failure.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(failure.InnerException);
    }

    [Fact]
    public async Task A_message_without_a_message_id_is_refused()
    {
        var message = Confirmation();
        message.Headers.Remove(HeaderId.MessageId);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => new PickupDirectoryEmailTransport(root).SendAsync(message, CancellationToken.None));

        Assert.Contains("no Message-ID", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root));
    }

    [Theory]
    [InlineData("notification-42@keller-music.example", "notification-42@keller-music.example.eml")]
    [InlineData("a.b-c_d+e@f.example", "a.b-c_d+e@f.example.eml")]
    public void A_message_id_of_safe_characters_is_the_file_name(string messageId, string fileName) =>
        Assert.Equal(fileName, PickupDirectoryEmailTransport.FileNameFor(messageId));

    [Theory]
    [InlineData("../../etc/passwd@x.example", "_._.._etc_passwd@x.example-")]
    [InlineData(".hidden@x.example", "_hidden@x.example-")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j k@x.example", "a_b_c_d_e_f_g_h_i_j_k@x.example-")]
    [InlineData("caf\u00e9\0@x.example", "caf__@x.example-")]
    public void Other_characters_become_underscores_and_a_hash_keeps_the_name_unique(string messageId, string prefix)
    {
        var name = PickupDirectoryEmailTransport.FileNameFor(messageId);

        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*-[0-9a-f]{16}\\.eml$", name);
    }

    [Fact]
    public void Message_ids_that_differ_only_in_unsafe_characters_get_different_files()
    {
        var names = new[] { "a/b@x.example", "a:b@x.example", "a_b@x.example" }.Select(PickupDirectoryEmailTransport.FileNameFor).ToList();

        Assert.Equal(3, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("a_b@x.example.eml", names[2]);
    }

    [Fact]
    public async Task A_very_long_message_id_gets_a_file_name_the_file_system_accepts()
    {
        var message = Confirmation();
        message.MessageId = new string('x', 1000) + "@keller-music.example";

        await new PickupDirectoryEmailTransport(root).SendAsync(message, CancellationToken.None);

        var name = Path.GetFileName(Assert.Single(Directory.GetFiles(root)));
        Assert.True(name.Length <= 255, $"{name.Length} characters");
        Assert.Equal(message.MessageId, MimeMessage.Load(Path.Combine(root, name)).MessageId);
    }
}
