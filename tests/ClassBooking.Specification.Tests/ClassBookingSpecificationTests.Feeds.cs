using System.Buffers.Text;
using System.Security.Cryptography;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Services;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    private static readonly RequestOrigin FeedReader = new("198.51.100.23", "Google-Calendar-Importer");

    private Task<Result<CalendarFeed>> StudentFeedAsync(string studentId, string teacherId = TeacherA) =>
        InScope<CalendarFeedService, Result<CalendarFeed>>(s => s.GetStudentFeedAsync(teacherId, studentId));

    private Task<Result<CalendarFeed>> TeacherFeedAsync(string? token) =>
        InScope<CalendarFeedService, Result<CalendarFeed>>(s => s.GetTeacherFeedAsync(token, FeedReader));

    private Task<Result<IssuedCalendarFeed>> CreateTeacherFeedAsync(string teacherId = TeacherA) =>
        InScope<CalendarFeedService, Result<IssuedCalendarFeed>>(s => s.CreateTeacherFeedAsync(teacherId));

    private static async Task<CalendarFeed> FeedOkAsync(Task<Result<CalendarFeed>> read)
    {
        var result = await read;
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    private async Task<Booking> BookOkAsync(string studentId, Guid slotId, string teacherId = TeacherA)
    {
        var result = await BookAsync(studentId, slotId, teacherId);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public async Task A_teacher_feed_address_keeps_only_its_hash_and_a_new_one_kills_the_old_one_at_once()
    {
        var first = (await CreateTeacherFeedAsync()).Value;
        var stored = await Read((s, ct) => s.FindCalendarFeedAsync(TeacherA, ct));

        Assert.Equal(SHA256.HashData(Base64Url.DecodeFromChars(first.Token)), stored!.TokenHash);
        Assert.Equal((Start, false), (first.CreatedAt, first.ReplacedEarlier));
        Assert.True((await TeacherFeedAsync(first.Token)).Succeeded);

        Time.Advance(TimeSpan.FromMinutes(1));
        var second = (await CreateTeacherFeedAsync()).Value;

        Assert.True(second.ReplacedEarlier);
        Assert.Equal(ErrorCodes.InvalidToken, (await TeacherFeedAsync(first.Token)).Error?.Code);
        Assert.True((await TeacherFeedAsync(second.Token)).Succeeded);
        Assert.Equal(Start.AddMinutes(1), (await Read((s, ct) => s.FindCalendarFeedAsync(TeacherA, ct)))!.CreatedAt);
        Assert.Equal(
            [AuditActions.CalendarFeedCreated, AuditActions.CalendarFeedRegenerated],
            (await AuditOf(TeacherA)).Select(a => a.Action));
    }

    [Fact]
    public async Task Revoking_a_teacher_feed_kills_its_address_and_revoking_none_writes_nothing()
    {
        var issued = (await CreateTeacherFeedAsync()).Value;

        var revoked = await InScope<CalendarFeedService, Result<bool>>(s => s.RevokeTeacherFeedAsync(TeacherA));
        var again = await InScope<CalendarFeedService, Result<bool>>(s => s.RevokeTeacherFeedAsync(TeacherA));

        Assert.True(revoked.Value);
        Assert.False(again.Value);
        Assert.Equal(ErrorCodes.InvalidToken, (await TeacherFeedAsync(issued.Token)).Error?.Code);
        Assert.Null(await InScope<CalendarFeedService, DateTimeOffset?>(s => s.GetTeacherFeedCreatedAtAsync(TeacherA)));
        Assert.Single(await AuditOf(TeacherA), a => a.Action == AuditActions.CalendarFeedRevoked);
    }

    [Fact]
    public async Task Malformed_unknown_and_another_kind_of_token_get_the_same_refusal_and_count_as_failed_lookups()
    {
        var studentLink = (await IssueAsync(StudentA(0))).Value.Token;
        var tried = new[] { null, "", "not-a-token", Core.Tokens.ShareTokenCodec.Create().Token, studentLink };

        var errors = new List<ClassBookingError?>();
        foreach (var token in tried)
        {
            errors.Add((await TeacherFeedAsync(token)).Error);
        }

        Assert.All(errors, e => Assert.Equal(ErrorCodes.InvalidToken, e?.Code));
        Assert.All(errors, e => Assert.Equal(errors[0]!.Message, e!.Message));

        // The guard's default is 20 failed look-ups per address in ten minutes; the share links' count is the same one.
        for (var i = tried.Length; i < 20; i++)
        {
            Assert.Equal(ErrorCodes.InvalidToken, (await TeacherFeedAsync("x")).Error?.Code);
        }

        var limited = (await TeacherFeedAsync("x")).Error!;
        Assert.Equal(ErrorCodes.RateLimited, limited.Code);
        Assert.NotNull(limited.RetryAfter);
        Assert.Equal(ErrorCodes.RateLimited, (await InScope<ShareTokenService, Result<ShareTokenGrant>>(s => s.ResolveAsync("y", FeedReader))).Error?.Code);
    }

    [Fact]
    public async Task A_student_feed_holds_their_upcoming_bookings_and_recent_cancellations_and_nothing_of_anyone_else()
    {
        var own = await CreateSlotAsync(3);
        var others = await CreateSlotAsync(4);
        var group = await CreateSlotAsync(5, capacity: 3);
        var cancelled = await CreateSlotAsync(6);
        var ofB = await CreateSlotAsync(3, teacherId: TeacherB);
        var mine = await BookOkAsync(StudentA(0), own.Id);
        await BookOkAsync(StudentA(1), others.Id);
        var inGroup = await BookOkAsync(StudentA(0), group.Id);
        await BookOkAsync(StudentA(1), group.Id);
        var dropped = await BookOkAsync(StudentA(0), cancelled.Id);
        Assert.True((await CancelAsStudentAsync(StudentA(0), dropped.Id)).Succeeded);
        await BookOkAsync(Directory.StudentsOfB[0].Id, ofB.Id, TeacherB);

        var feed = await FeedOkAsync(StudentFeedAsync(StudentA(0)));

        Assert.Equal("Classes with Maria Keller", feed.Content.Name);
        Assert.Equal("Europe/London", feed.Content.TimeZoneId); // the student's zone is unknown: the teacher's
        Assert.Equal(new CalendarParticipant("Maria Keller", "maria@example.test"), feed.Content.Organizer);
        Assert.Equal(
            [(BookingCalendarUid.For(mine.Id), CalendarFeedEventStatus.Confirmed, 0), (BookingCalendarUid.For(inGroup.Id), CalendarFeedEventStatus.Confirmed, 0),
                (BookingCalendarUid.For(dropped.Id), CalendarFeedEventStatus.Cancelled, 1)],
            feed.Content.Events.Select(e => (e.Uid, e.Status, e.Sequence)));
        Assert.Equal((own.StartsAt, own.EndsAt, "Class with Maria Keller"), (feed.Content.Events[0].StartsAt, feed.Content.Events[0].EndsAt, feed.Content.Events[0].Summary));
        var text = feed.Write();
        Assert.DoesNotContain("Student A1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a1@example.test", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a0@example.test", text, StringComparison.Ordinal); // no ATTENDEE in a published feed
        Assert.Empty((await FeedOkAsync(StudentFeedAsync(StudentA(2)))).Content.Events);
    }

    [Fact]
    public async Task A_cancelled_booking_stays_in_the_student_feed_for_30_days_after_its_cancellation_and_a_past_class_leaves_it()
    {
        var soon = await CreateSlotAsync(2);
        var later = await CreateSlotAsync(50);
        var kept = await BookOkAsync(StudentA(0), later.Id);
        var dropped = await BookOkAsync(StudentA(0), soon.Id);
        Assert.True((await CancelAsStudentAsync(StudentA(0), dropped.Id)).Succeeded);

        Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        var beforeThirtyDays = await FeedOkAsync(StudentFeedAsync(StudentA(0)));
        Time.Advance(TimeSpan.FromMinutes(2));
        var afterThirtyDays = await FeedOkAsync(StudentFeedAsync(StudentA(0)));
        Time.Advance(TimeSpan.FromDays(21)); // the later class (day 50, 10:00 UTC) has ended
        var afterTheClass = await FeedOkAsync(StudentFeedAsync(StudentA(0)));

        // By start: the cancelled class (day 2) before the kept one (day 50).
        Assert.Equal([BookingCalendarUid.For(dropped.Id), BookingCalendarUid.For(kept.Id)], beforeThirtyDays.Content.Events.Select(e => e.Uid));
        Assert.Equal(CalendarFeedEventStatus.Cancelled, beforeThirtyDays.Content.Events.Single(e => e.Uid == BookingCalendarUid.For(dropped.Id)).Status);
        Assert.Equal([BookingCalendarUid.For(kept.Id)], afterThirtyDays.Content.Events.Select(e => e.Uid));
        Assert.Empty(afterTheClass.Content.Events);
        Assert.NotEqual(beforeThirtyDays.ETag, afterThirtyDays.ETag);
    }

    [Fact]
    public async Task A_feeds_version_stays_while_nothing_changes_and_changes_with_a_booking_a_cancellation_or_a_slot()
    {
        var slot = await CreateSlotAsync(3);
        var free = await CreateSlotAsync(4);
        var teacherToken = (await CreateTeacherFeedAsync()).Value.Token;
        var student0 = await FeedOkAsync(StudentFeedAsync(StudentA(0)));
        var teacher0 = await FeedOkAsync(TeacherFeedAsync(teacherToken));

        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(student0.ETag, (await FeedOkAsync(StudentFeedAsync(StudentA(0)))).ETag);
        Assert.Equal(teacher0.ETag, (await FeedOkAsync(TeacherFeedAsync(teacherToken))).ETag);
        Assert.StartsWith("W/\"", student0.ETag, StringComparison.Ordinal);

        var booking = await BookOkAsync(StudentA(0), slot.Id);
        var student1 = await FeedOkAsync(StudentFeedAsync(StudentA(0)));
        var teacher1 = await FeedOkAsync(TeacherFeedAsync(teacherToken));
        Assert.NotEqual(student0.ETag, student1.ETag);
        Assert.NotEqual(teacher0.ETag, teacher1.ETag);
        // Another student's booking changes the teacher's feed, never this student's.
        await BookOkAsync(StudentA(1), free.Id);
        Assert.Equal(student1.ETag, (await FeedOkAsync(StudentFeedAsync(StudentA(0)))).ETag);
        var teacher2 = await FeedOkAsync(TeacherFeedAsync(teacherToken));
        Assert.NotEqual(teacher1.ETag, teacher2.ETag);

        Assert.True((await CancelAsStudentAsync(StudentA(0), booking.Id)).Succeeded);
        var student2 = await FeedOkAsync(StudentFeedAsync(StudentA(0)));
        Assert.NotEqual(student1.ETag, student2.ETag);
        Assert.NotEqual(teacher2.ETag, (await FeedOkAsync(TeacherFeedAsync(teacherToken))).ETag);
    }

    [Fact]
    public async Task A_teacher_feed_holds_each_booking_by_its_students_name_open_slots_and_blocks_in_its_range_and_nothing_of_another_teacher()
    {
        var group = await CreateSlotAsync(3, capacity: 3, note: "Bring scales");
        var open = await CreateSlotAsync(4, capacity: 2);
        var single = await CreateSlotAsync(5);
        var block = await InScope<BlockedPeriodService, Result<BlockedPeriod>>(s => s.CreateAsync(TeacherA, Start.AddDays(6), Start.AddDays(6).AddHours(3), "Dentist"));
        var busy = await InScope<BlockedPeriodService, Result<BlockedPeriod>>(s => s.CreateAsync(TeacherA, Start.AddDays(7), Start.AddDays(7).AddHours(1)));
        var beyond = await InScope<BlockedPeriodService, Result<BlockedPeriod>>(s => s.CreateAsync(TeacherA, Start.AddDays(400), Start.AddDays(400).AddHours(1)));
        var ofB = await CreateSlotAsync(4, hourUtc: 14, teacherId: TeacherB);
        var first = await BookOkAsync(StudentA(0), group.Id);
        var second = await BookOkAsync(StudentA(1), group.Id);
        var other = await BookOkAsync(StudentA(2), single.Id);
        Assert.True((await CancelAsStudentAsync(StudentA(2), other.Id)).Succeeded); // the slot is open again
        await BookOkAsync(Directory.StudentsOfB[0].Id, ofB.Id, TeacherB);
        var token = (await CreateTeacherFeedAsync()).Value.Token;

        var feed = await FeedOkAsync(TeacherFeedAsync(token));

        Assert.Equal(("Teaching schedule of Maria Keller", "Europe/London"), (feed.Content.Name, feed.Content.TimeZoneId));
        var events = feed.Content.Events.ToDictionary(e => e.Uid);
        Assert.Equal(
            new[]
            {
                BookingCalendarUid.For(first.Id), BookingCalendarUid.For(second.Id), BookingCalendarUid.ForOpenSlot(open.Id), BookingCalendarUid.ForOpenSlot(single.Id),
                BookingCalendarUid.ForBlockedPeriod(block.Value.Id), BookingCalendarUid.ForBlockedPeriod(busy.Value.Id),
            }.Order(StringComparer.Ordinal),
            events.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Class with Student A0", "Bring scales", CalendarFeedEventStatus.Confirmed), (events[BookingCalendarUid.For(first.Id)].Summary, events[BookingCalendarUid.For(first.Id)].Description, events[BookingCalendarUid.For(first.Id)].Status));
        Assert.Equal("Class with Student A1", events[BookingCalendarUid.For(second.Id)].Summary);
        Assert.Equal(("Open: 2 seats", CalendarFeedEventStatus.Tentative), (events[BookingCalendarUid.ForOpenSlot(open.Id)].Summary, events[BookingCalendarUid.ForOpenSlot(open.Id)].Status));
        Assert.Equal("Open: 1 seat", events[BookingCalendarUid.ForOpenSlot(single.Id)].Summary);
        Assert.Equal("Dentist", events[BookingCalendarUid.ForBlockedPeriod(block.Value.Id)].Summary);
        Assert.Equal("Busy", events[BookingCalendarUid.ForBlockedPeriod(busy.Value.Id)].Summary);
        Assert.Equal((busy.Value.StartsAt, busy.Value.EndsAt), (events[BookingCalendarUid.ForBlockedPeriod(busy.Value.Id)].StartsAt, events[BookingCalendarUid.ForBlockedPeriod(busy.Value.Id)].EndsAt));
        Assert.DoesNotContain(BookingCalendarUid.ForBlockedPeriod(beyond.Value.Id), events.Keys);
        Assert.DoesNotContain("Student B0", feed.Write(), StringComparison.Ordinal);

        // Thirty days on, the group class is still there (the feed looks 30 days back); two days later it is not.
        Time.Advance(TimeSpan.FromDays(33));
        Assert.Contains(BookingCalendarUid.For(first.Id), (await FeedOkAsync(TeacherFeedAsync(token))).Content.Events.Select(e => e.Uid));
        Time.Advance(TimeSpan.FromDays(2));
        Assert.DoesNotContain(BookingCalendarUid.For(first.Id), (await FeedOkAsync(TeacherFeedAsync(token))).Content.Events.Select(e => e.Uid));
    }
}
