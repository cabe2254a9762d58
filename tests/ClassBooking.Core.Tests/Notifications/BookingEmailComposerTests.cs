using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using Ical.Net;
using MimeKit;
using static ClassBooking.Core.Tests.Notifications.BookingEmails;

namespace ClassBooking.Core.Tests.Notifications;

/// <summary>Each booking e-mail composed, written to an .eml and read back with MimeKit.</summary>
public sealed class BookingEmailComposerTests
{
    public static TheoryData<BookingEmailKind> AllKinds => new(Enum.GetValues<BookingEmailKind>());

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Each_kind_has_its_sender_recipient_subject_date_message_id_and_both_alternatives(BookingEmailKind kind)
    {
        var email = Email(kind);

        var message = ComposedAndRead(email);

        Assert.Equal("bookings@keller-music.example", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        var toTeacher = kind is BookingEmailKind.TeacherStudentBooked or BookingEmailKind.TeacherStudentCancelled;
        Assert.Equal(toTeacher ? "maria@keller-music.example" : "sam.patel@example.org", to.Address);
        Assert.Equal(toTeacher ? "Maria Keller" : "Sam Patel", to.Name);
        Assert.Equal(new BookingEmailText().Subject(email), message.Subject);
        Assert.Equal(QueuedAt, message.Date);
        Assert.Equal("notification-42@keller-music.example", message.MessageId);
        Assert.StartsWith("Hello " + to.Name + ",", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(message.BodyParts, part => part.ContentType.IsMimeType("text", "plain"));
        Assert.Contains(message.BodyParts, part => part.ContentType.IsMimeType("text", "html"));
    }

    [Fact]
    public void The_message_id_is_the_same_for_the_same_key_and_differs_for_another_key()
    {
        var email = Email(BookingEmailKind.BookingConfirmed);

        var first = ComposedAndRead(email);
        var retried = ComposedAndRead(email);
        var other = ComposedAndRead(email with { MessageKey = "notification-43" });

        Assert.Equal(first.MessageId, retried.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
        Assert.Equal("notification-43@keller-music.example", other.MessageId);
    }

    [Fact]
    public void A_message_key_that_could_break_the_header_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Composer().Compose(Email(BookingEmailKind.Reminder) with { MessageKey = "a>\r\nBcc: x@y" }));
        Assert.Throws<ArgumentException>(() => Composer().Compose(Email(BookingEmailKind.Reminder) with { MessageKey = "" }));
    }

    [Fact]
    public void A_london_and_a_kolkata_student_see_the_same_class_in_their_own_time_with_the_zone_named()
    {
        var london = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed, Times.London));
        var kolkata = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed, Times.Kolkata));

        Assert.Contains("When: Tuesday, 14 April 2026, 17:00–18:00 (Europe/London)", london.TextBody, StringComparison.Ordinal);
        Assert.Contains("When: Tuesday, 14 April 2026, 17:00–18:00 (Europe/London)", london.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("When: Tuesday, 14 April 2026, 21:30–22:30 (Asia/Kolkata)", kolkata.TextBody, StringComparison.Ordinal);
        Assert.Contains("When: Tuesday, 14 April 2026, 21:30–22:30 (Asia/Kolkata)", kolkata.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("17:00", kolkata.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipient_without_a_known_zone_sees_utc_named()
    {
        var message = ComposedAndRead(Email(BookingEmailKind.Reminder, zone: "Mars/Olympus_Mons"));

        Assert.Contains("When: Tuesday, 14 April 2026, 16:00–17:00 (UTC)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_student_is_told_until_when_they_can_cancel_online_in_their_own_zone()
    {
        var london = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed, Times.London));
        var kolkata = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed, Times.Kolkata));

        const string LondonSentence = "You can cancel online until Monday, 13 April 2026, 17:00 (Europe/London).";
        Assert.Contains(LondonSentence, london.TextBody, StringComparison.Ordinal);
        Assert.Contains(LondonSentence, london.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("You can cancel online until Monday, 13 April 2026, 21:30 (Asia/Kolkata).", kolkata.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cancellation policy: Classes can be cancelled until 24 hours before they start.", london.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_the_cancellation_window_the_student_is_told_the_class_can_no_longer_be_cancelled_online()
    {
        var message = ComposedAndRead(Email(BookingEmailKind.Reminder) with { CancellationDeadline = null });

        Assert.Contains("This class can no longer be cancelled online.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("This class can no longer be cancelled online.", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("You can cancel online until", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teacher_is_told_until_when_the_student_can_cancel()
    {
        var message = ComposedAndRead(Email(BookingEmailKind.TeacherStudentBooked));

        Assert.Contains("Sam Patel booked a class with you.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Student: Sam Patel <sam.patel@example.org>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sam Patel can cancel online until Monday, 13 April 2026, 17:00 (Europe/London).", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_links_back_to_the_portal_in_both_bodies(BookingEmailKind kind)
    {
        var message = ComposedAndRead(Email(kind));

        Assert.Contains("https://keller-music.example/portal/s/abc123", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://keller-music.example/portal/s/abc123\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Note: Bring the Czerny études.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Note: Bring the Czerny études.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Teacher: Maria Keller", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_person_wrote_is_escaped_in_the_html_and_verbatim_in_the_text()
    {
        const string Script = "<script>alert(1)</script>";
        var email = Email(BookingEmailKind.BookingConfirmed) with
        {
            Note = Script,
            Teacher = new CalendarParticipant("Maria <b>Keller</b>", "maria@keller-music.example"),
            TeacherMessage = "See you & your <img src=x onerror=alert(2)> soon",
        };

        var message = ComposedAndRead(email);

        Assert.Contains("Note: " + Script, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Note: &lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Maria &lt;b&gt;Keller&lt;/b&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("See you &amp; your &lt;img src=x onerror=alert(2)&gt; soon", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("See you & your <img src=x onerror=alert(2)> soon", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_teachers_message_appears_only_when_set()
    {
        var with = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed) with { TeacherMessage = "Parking is behind the school." });
        var without = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed));

        Assert.Contains("A message from Maria Keller:\nParking is behind the school.", with.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Parking is behind the school.", with.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("A message from", without.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActorKind.Teacher, "Maria Keller cancelled your class.")]
    [InlineData(ActorKind.Student, "Your class with Maria Keller is cancelled, as you asked.")]
    public void A_cancellation_says_who_cancelled_and_why(ActorKind by, string sentence)
    {
        var message = ComposedAndRead(Email(BookingEmailKind.BookingCancelled) with { CancelledBy = by, CancellationReason = "Ill <today>" });

        Assert.Contains(sentence, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Ill <today>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Ill &lt;today&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("cancel online", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_names_the_new_and_the_old_time()
    {
        var message = ComposedAndRead(Email(BookingEmailKind.BookingChanged) with
        {
            PreviousStartsAt = StartsAt.AddDays(-1),
            PreviousEndsAt = StartsAt.AddDays(-1).AddHours(1),
        });

        Assert.Contains("When: Tuesday, 14 April 2026, 17:00–18:00 (Europe/London)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Was: Monday, 13 April 2026, 17:00–18:00 (Europe/London)", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BookingEmailKind.BookingConfirmed, "REQUEST", 0)]
    [InlineData(BookingEmailKind.BookingChanged, "REQUEST", 0)]
    [InlineData(BookingEmailKind.BookingCancelled, "CANCEL", 1)]
    public void Confirmations_changes_and_cancellations_carry_a_calendar_part_whose_method_parameter_equals_its_METHOD(
        BookingEmailKind kind, string method, int sequence)
    {
        var message = ComposedAndRead(Email(kind, Times.Kolkata));

        var part = Assert.Single(CalendarParts(message));
        Assert.Equal(method, part.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
        var calendarText = Decoded(part);
        var lines = calendarText.Split("\r\n");
        Assert.Equal("METHOD:" + part.ContentType.Parameters["method"], Assert.Single(lines, line => line.StartsWith("METHOD:", StringComparison.Ordinal)));
        var calendar = Calendar.Load(calendarText)!;
        Assert.Equal(method, calendar.Method);
        var written = Assert.Single(calendar.Events);
        Assert.Equal(BookingCalendarUid.For(Invitations.BookingId), written.Uid);
        Assert.Equal(sequence, written.Sequence);
        Assert.Equal(QueuedAt.UtcDateTime, written.DtStamp!.AsUtc);
        Assert.Equal("Asia/Kolkata", written.DtStart!.TzId);
        Assert.Equal(StartsAt.UtcDateTime, written.DtStart.AsUtc);

        // The calendar is an alternative of the text and HTML, and the same text is attached as invite.ics.
        var alternative = Assert.IsType<Multipart>(message.Body).OfType<MultipartAlternative>().Single();
        Assert.Contains(part, alternative);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("invite.ics", attachment.FileName);
        Assert.True(attachment.ContentType.IsMimeType("application", "ics"));
        Assert.Equal(calendarText, Decoded(attachment));
    }

    [Theory]
    [InlineData(BookingEmailKind.Reminder)]
    [InlineData(BookingEmailKind.TeacherStudentBooked)]
    [InlineData(BookingEmailKind.TeacherStudentCancelled)]
    public void Reminders_and_teacher_messages_carry_no_calendar(BookingEmailKind kind)
    {
        var message = ComposedAndRead(Email(kind));

        Assert.Empty(CalendarParts(message));
        Assert.Empty(message.Attachments);
        Assert.IsType<MultipartAlternative>(message.Body);
    }

    [Fact]
    public void A_host_rewords_the_emails_by_overriding_the_text_class()
    {
        var message = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed), new GermanSubjects());

        Assert.Equal("Unterricht gebucht", message.Subject);
        Assert.Contains("Sie können online stornieren bis Monday, 13 April 2026, 17:00 (Europe/London).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sie können online stornieren bis", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composed_confirmation_is_saved_as_an_eml_a_person_can_open()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "mail-samples");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "booking-confirmed.eml");
        var email = Email(BookingEmailKind.BookingConfirmed) with { TeacherMessage = "Parking is behind the school." };

        Composer().Compose(email).WriteTo(BookingEmailComposer.WireFormat, path);

        var saved = MimeMessage.Load(path);
        Assert.Equal("notification-42@keller-music.example", saved.MessageId);
        Assert.Contains("METHOD:REQUEST\r\n", Decoded(Assert.Single(CalendarParts(saved))), StringComparison.Ordinal);
    }

    private sealed class GermanSubjects : BookingEmailText
    {
        public override string Subject(BookingEmail email) => "Unterricht gebucht";

        protected override string? CancellationDeadlineSentence(BookingEmail email) =>
            email.CancellationDeadline is { } until ? $"Sie können online stornieren bis {Moment(until, email.RecipientTimeZoneId)}." : null;
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Student_e_mails_carry_the_one_click_stop_of_reminders_and_teacher_e_mails_do_not(BookingEmailKind kind)
    {
        var stop = new Uri("https://lessons.example/api/booking/tok/reminders/stop");
        var email = Email(kind) with { StopRemindersUrl = stop };

        var message = ComposedAndRead(email);

        if (email.IsToTeacher)
        {
            Assert.Null(message.Headers[HeaderId.ListUnsubscribe]);
            Assert.Null(message.Headers["List-Unsubscribe-Post"]);
        }
        else
        {
            Assert.Equal("<https://lessons.example/api/booking/tok/reminders/stop>", message.Headers[HeaderId.ListUnsubscribe]);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        }

        // The visible link is in reminders only: a confirmation says nothing about stopping reminders.
        var linked = kind == BookingEmailKind.Reminder;
        Assert.Equal(linked, message.TextBody!.Contains("Stop reminders from Maria Keller: https://lessons.example/api/booking/tok/reminders/stop", StringComparison.Ordinal));
        Assert.Equal(linked, message.HtmlBody!.Contains("href=\"https://lessons.example/api/booking/tok/reminders/stop\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_portal_link_the_e_mail_points_to_the_link_the_teacher_gave()
    {
        var message = ComposedAndRead(Email(BookingEmailKind.BookingConfirmed) with { PortalUrl = null });

        Assert.Contains("To see or cancel your booking, open the booking link your teacher gave you.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("open the booking link your teacher gave you.", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("See or cancel your booking:", message.TextBody, StringComparison.Ordinal);
    }
}
