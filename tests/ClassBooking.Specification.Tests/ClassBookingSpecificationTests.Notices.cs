using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using ClassBooking.Core.Services;
using Xunit;

namespace ClassBooking.Specification.Tests;

/// <summary>The teacher's notices: which outbox rows they are, their order and unread count, marking read, and their version.</summary>
public abstract partial class ClassBookingSpecificationTests
{
    private Task<TeacherNoticePage> NoticesOf(string teacherId, int max = TeacherNoticeService.DefaultPageSize) =>
        InScope<TeacherNoticeService, TeacherNoticePage>(s => s.GetNoticesAsync(teacherId, max));

    private Task<TeacherNoticeVersion> NoticeVersionOf(string teacherId) =>
        InScope<TeacherNoticeService, TeacherNoticeVersion>(s => s.GetVersionAsync(teacherId));

    private Task<Result<DateTimeOffset>> MarkNoticeReadAsync(string teacherId, Guid noticeId) =>
        InScope<TeacherNoticeService, Result<DateTimeOffset>>(s => s.MarkReadAsync(teacherId, noticeId));

    private Task<Result<int>> MarkAllNoticesReadAsync(string teacherId, DateTimeOffset? writtenUpTo = null) =>
        InScope<TeacherNoticeService, Result<int>>(s => s.MarkAllReadAsync(teacherId, writtenUpTo));

    private Task<Result<Booking>> CancelAsStudentAsync(Booking booking, string? reason = null) =>
        InScope<BookingService, Result<Booking>>(s => s.CancelAsync(booking.TeacherId, booking.Id, ActorKind.Student, booking.StudentId, reason));

    /// <summary>Students A<paramref name="first"/>… book the slot in turn, a minute apart (the clock moves on a minute after each).</summary>
    private async Task BookOneMinuteApartAsync(Guid slotId, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            Assert.True((await BookAsync(StudentA(i), slotId)).Succeeded);
            Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>The mail server refuses every due message for good, and the delivery gives them up (they die).</summary>
    private async Task KillDueMessagesAsync()
    {
        Mail.Failure = new EmailDeliveryException(Refusal, isPermanent: true);
        await Dispatcher.DeliverDueAsync();
    }

    private const string Refusal = "550 5.1.1 No such user.";

    private static (TeacherNoticeKind Kind, string? Student, DateTimeOffset StartsAt, DateTimeOffset CreatedAt, bool IsRead) Line(TeacherNotice n) =>
        (n.Kind, n.StudentName, n.StartsAt, n.CreatedAt, n.IsRead);

    [Fact]
    public async Task Students_bookings_and_cancellations_are_the_teachers_notices_newest_first_with_names_and_the_unread_count()
    {
        var first = await CreateSlotAsync(3);
        var second = await CreateSlotAsync(4);
        var booked = (await BookAsync(StudentA(0), first.Id)).Value;
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await BookAsync(StudentA(1), second.Id)).Succeeded);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await CancelAsStudentAsync(booked, "Ill")).Succeeded);

        var page = await NoticesOf(TeacherA);

        Assert.Equal(
            [
                (TeacherNoticeKind.StudentCancelled, "Student A0", first.StartsAt, Start.AddMinutes(10), false),
                (TeacherNoticeKind.StudentBooked, "Student A1", second.StartsAt, Start.AddMinutes(5), false),
                (TeacherNoticeKind.StudentBooked, "Student A0", first.StartsAt, Start, false),
            ],
            page.Notices.Select(Line));
        Assert.Equal(3, page.UnreadCount);
        var cancelled = page.Notices[0];
        Assert.Equal((booked.Id, StudentA(0), first.EndsAt, "Ill", (string?)null), (cancelled.BookingId, cancelled.StudentId, cancelled.EndsAt, cancelled.CancellationReason, cancelled.DeliveryError));
        Assert.Empty((await NoticesOf(TeacherB)).Notices);
    }

    [Fact]
    public async Task A_page_holds_the_newest_notices_and_counts_every_unread_one()
    {
        var slot = await CreateSlotAsync(3, capacity: 3);
        await BookOneMinuteApartAsync(slot.Id, 0, 3);

        var page = await NoticesOf(TeacherA, max: 2);

        Assert.Equal(["Student A2", "Student A1"], page.Notices.Select(n => n.StudentName));
        Assert.Equal(3, page.UnreadCount);
    }

    [Fact]
    public async Task A_teachers_own_booking_and_cancellation_on_a_students_behalf_make_no_notice()
    {
        var slot = await CreateSlotAsync(3);

        var booking = (await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), slot.Id, ActorKind.Teacher))).Value;
        var cancelled = await InScope<BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, booking.Id, ActorKind.Teacher));

        Assert.True(cancelled.Succeeded, cancelled.Error?.Message);
        var page = await NoticesOf(TeacherA);
        Assert.Empty(page.Notices);
        Assert.Equal((0, TeacherNoticeVersion.None), (page.UnreadCount, await NoticeVersionOf(TeacherA)));
    }

    [Fact]
    public async Task A_message_that_could_not_be_delivered_is_a_notice_with_the_reason()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        await KillDueMessagesAsync();

        var page = await NoticesOf(TeacherA);
        var failed = Assert.Single(page.Notices, n => n.Kind == TeacherNoticeKind.DeliveryFailed);
        Assert.Equal(
            (BookingEmailKind.BookingConfirmed, "Student A0", booking.Id, Refusal, false),
            (failed.MessageKind, failed.StudentName, failed.BookingId, failed.DeliveryError, failed.IsRead));
        // The teacher's own e-mail about the booking died too: still the notice of the booking, with the reason.
        var booked = Assert.Single(page.Notices, n => n.Kind == TeacherNoticeKind.StudentBooked);
        Assert.Equal(Refusal, booked.DeliveryError);
        Assert.Equal(2, page.UnreadCount);
        // Reminders still waiting are no notices.
        Assert.Equal(2, page.Notices.Count);
    }

    [Fact]
    public async Task Marking_one_notice_read_lowers_the_unread_count_and_keeps_the_first_read_time()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        await BookOneMinuteApartAsync(slot.Id, 0, 2);
        var newest = (await NoticesOf(TeacherA)).Notices[0];

        var read = await MarkNoticeReadAsync(TeacherA, newest.Id);
        Time.Advance(TimeSpan.FromMinutes(1));
        var again = await MarkNoticeReadAsync(TeacherA, newest.Id);

        Assert.Equal(Start.AddMinutes(2), read.Value);
        Assert.Equal(Start.AddMinutes(2), again.Value);
        var page = await NoticesOf(TeacherA);
        Assert.Equal([true, false], page.Notices.Select(n => n.IsRead));
        Assert.Equal(Start.AddMinutes(2), page.Notices[0].ReadAt);
        Assert.Equal(1, page.UnreadCount);
    }

    [Fact]
    public async Task Marking_all_read_marks_the_notices_up_to_the_newest_the_teacher_saw()
    {
        var slot = await CreateSlotAsync(3, capacity: 3);
        await BookOneMinuteApartAsync(slot.Id, 0, 2);
        var seen = (await NoticeVersionOf(TeacherA)).Newest;
        await BookOneMinuteApartAsync(slot.Id, 2, 1); // arrives after the teacher's list was shown

        var marked = await MarkAllNoticesReadAsync(TeacherA, seen);

        Assert.Equal(2, marked.Value);
        var page = await NoticesOf(TeacherA);
        Assert.Equal([("Student A2", false), ("Student A1", true), ("Student A0", true)], page.Notices.Select(n => (n.StudentName, n.IsRead)));
        Assert.Equal(1, page.UnreadCount);
        Assert.Equal(1, (await MarkAllNoticesReadAsync(TeacherA)).Value);
        Assert.Equal(0, (await NoticesOf(TeacherA)).UnreadCount);
        Assert.Equal(0, (await MarkAllNoticesReadAsync(TeacherA)).Value);
    }

    [Fact]
    public async Task Another_teacher_can_neither_read_nor_mark_a_teachers_notices()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        var notice = Assert.Single((await NoticesOf(TeacherA)).Notices);
        var confirmation = (await MessagesOf(booking.Id)).Single(n => n.Kind == BookingEmailKind.BookingConfirmed);
        var theirs = await CreateSlotAsync(3, hourUtc: 14, teacherId: TeacherB);
        Assert.True((await BookAsync(Directory.StudentsOfB[0].Id, theirs.Id, TeacherB)).Succeeded);

        var byOther = await MarkNoticeReadAsync(TeacherB, notice.Id);
        var allByOther = await MarkAllNoticesReadAsync(TeacherB);
        var notANotice = await MarkNoticeReadAsync(TeacherA, confirmation.Id);

        Assert.Equal(ErrorCodes.NoticeNotFound, byOther.Error?.Code);
        Assert.Equal(1, allByOther.Value); // James's own notice
        Assert.Equal(ErrorCodes.NoticeNotFound, notANotice.Error?.Code);
        Assert.Equal(ErrorCodes.NoticeNotFound, (await MarkNoticeReadAsync(TeacherA, Guid.NewGuid())).Error?.Code);
        var mine = await NoticesOf(TeacherA);
        Assert.Equal((notice.Id, false, 1), (Assert.Single(mine.Notices).Id, mine.Notices[0].IsRead, mine.UnreadCount));
        Assert.Equal(["Student B0"], (await NoticesOf(TeacherB)).Notices.Select(n => n.StudentName));
        Assert.Null((await MessagesOf(booking.Id)).Single(n => n.Id == confirmation.Id).ReadAt);
    }

    [Fact]
    public async Task The_version_changes_when_a_notice_arrives_is_read_or_a_message_dies_and_not_otherwise()
    {
        var empty = await NoticeVersionOf(TeacherA);
        var slot = await CreateSlotAsync(3);

        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        var afterBooking = await NoticeVersionOf(TeacherA);
        Time.Advance(TimeSpan.FromMinutes(1));
        var unchanged = await NoticeVersionOf(TeacherA);
        await MarkNoticeReadAsync(TeacherA, (await NoticesOf(TeacherA)).Notices[0].Id);
        var afterRead = await NoticeVersionOf(TeacherA);
        await KillDueMessagesAsync();
        var afterDeath = await NoticeVersionOf(TeacherA);

        Assert.Equal(TeacherNoticeVersion.None, empty);
        Assert.Equal(new TeacherNoticeVersion(1, 1, 0, Start), afterBooking);
        Assert.Equal(afterBooking, unchanged);
        Assert.Equal(new TeacherNoticeVersion(1, 0, 0, Start), afterRead);
        // The student's confirmation died (a new, unread notice) and so did the teacher's e-mail (already read).
        Assert.Equal(new TeacherNoticeVersion(2, 1, 2, Start), afterDeath);
        Assert.Equal(booking.Id, Assert.Single((await NoticesOf(TeacherA)).Notices, n => n.Kind == TeacherNoticeKind.DeliveryFailed).BookingId);
    }
}
