using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Xunit;

namespace ClassBooking.Specification.Tests;

/// <summary>The outbox: which messages each change writes in its own unit of work, and how they are leased and delivered.</summary>
public abstract partial class ClassBookingSpecificationTests
{
    private Task<IReadOnlyList<Notification>> MessagesOf(Guid bookingId) =>
        Read((s, ct) => s.GetBookingNotificationsAsync(bookingId, ct));

    private async Task<int> CountAllMessagesAsync(string teacherId = TeacherA)
    {
        var bookings = await Read((s, ct) => s.GetActiveTeacherBookingsAsync(teacherId, Everything, ct));
        var count = 0;
        foreach (var booking in bookings)
        {
            count += (await MessagesOf(booking.Id)).Count;
        }

        return count;
    }

    private NotificationDispatcher Dispatcher => Services.GetRequiredService<NotificationDispatcher>();

    private NotificationDispatcher NewDispatcher(string instanceName, Action<ClassBookingNotificationOptions>? configure = null)
    {
        var options = new ClassBookingNotificationOptions { InstanceName = instanceName };
        configure?.Invoke(options);
        return ActivatorUtilities.CreateInstance<NotificationDispatcher>(Services, Options.Create(options));
    }

    private static (BookingEmailKind Kind, NotificationStatus Status, DateTimeOffset DueAt, int Sequence)[] Summary(IEnumerable<Notification> rows) =>
        rows.OrderBy(n => n.DueAt).ThenBy(n => n.Kind).Select(n => (n.Kind, n.Status, n.DueAt, n.Sequence)).ToArray();

    [Fact]
    public async Task A_booking_queues_the_confirmation_the_teachers_notice_and_two_reminders_in_its_own_unit()
    {
        var slot = await CreateSlotAsync(3, note: "Room 4");

        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        Assert.Equal(
            [
                (BookingEmailKind.BookingConfirmed, NotificationStatus.Pending, Start, 0),
                (BookingEmailKind.TeacherStudentBooked, NotificationStatus.Pending, Start, 0),
                (BookingEmailKind.Reminder, NotificationStatus.Pending, slot.StartsAt.AddHours(-24), 0),
                (BookingEmailKind.Reminder, NotificationStatus.Pending, slot.StartsAt.AddHours(-1), 0),
            ],
            Summary(await MessagesOf(booking.Id)));
        var confirmation = (await MessagesOf(booking.Id)).Single(n => n.Kind == BookingEmailKind.BookingConfirmed);
        Assert.Equal((slot.StartsAt, slot.EndsAt, "Room 4", StudentA(0)), (confirmation.StartsAt, confirmation.EndsAt, confirmation.Note, confirmation.StudentId));
    }

    [Fact]
    public async Task A_teacher_booking_for_a_student_tells_the_student_but_not_the_teacher()
    {
        var slot = await CreateSlotAsync(3);

        var booking = (await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), slot.Id, ActorKind.Teacher))).Value;

        var kinds = (await MessagesOf(booking.Id)).Select(n => n.Kind).Order().ToArray();
        Assert.Equal([BookingEmailKind.BookingConfirmed, BookingEmailKind.Reminder, BookingEmailKind.Reminder], kinds);
    }

    private Task<Result<TeacherPolicy>> SetRemindersAsync(IReadOnlyList<TimeSpan>? reminders) =>
        InScope<TeacherPolicyService, Result<TeacherPolicy>>(s => s.UpdateAsync(TeacherA,
            new TeacherPolicyUpdate("Europe/London", TimeSpan.FromHours(12), TimeSpan.FromDays(56), TimeSpan.FromHours(24), TimeSpan.Zero, TimeSpan.Zero, null, reminders)));

    [Fact]
    public async Task A_teachers_own_reminder_times_replace_the_hosts_and_none_sends_none()
    {
        var first = await CreateSlotAsync(3);
        var second = await CreateSlotAsync(4);

        Assert.True((await SetRemindersAsync([TimeSpan.FromHours(2)])).Succeeded);
        var withOwn = (await BookAsync(StudentA(0), first.Id)).Value;
        Assert.True((await SetRemindersAsync([])).Succeeded);
        var withNone = (await BookAsync(StudentA(1), second.Id)).Value;

        var reminder = Assert.Single(await MessagesOf(withOwn.Id), n => n.Kind == BookingEmailKind.Reminder);
        Assert.Equal(first.StartsAt.AddHours(-2), reminder.DueAt);
        Assert.DoesNotContain(await MessagesOf(withNone.Id), n => n.Kind == BookingEmailKind.Reminder);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(60 * 24 * 15)]
    public async Task Reminder_times_outside_a_minute_to_14_days_or_not_whole_minutes_are_refused(int seconds)
    {
        Assert.True((await SetRemindersAsync([TimeSpan.FromHours(3)])).Succeeded);

        var refused = await SetRemindersAsync([TimeSpan.FromHours(1), TimeSpan.FromSeconds(seconds * (seconds == 30 ? 1 : 60))]);

        Assert.Equal(("reminders", ErrorCodes.Validation), (refused.Error?.Field, refused.Error?.Code));
        var stored = await InScope<TeacherPolicyService, TeacherPolicy>(s => s.GetAsync(TeacherA));
        Assert.Equal([180], stored.ReminderMinutes!);
    }

    [Fact]
    public async Task A_refused_booking_queues_no_message()
    {
        var slot = await CreateSlotAsync(3);
        await BookAsync(StudentA(0), slot.Id);
        var before = await CountAllMessagesAsync();

        var full = await BookAsync(StudentA(1), slot.Id);
        var twice = await BookAsync(StudentA(0), slot.Id);

        Assert.Equal(ErrorCodes.SlotFull, full.Error?.Code);
        Assert.Equal(ErrorCodes.AlreadyBooked, twice.Error?.Code);
        Assert.Equal(before, await CountAllMessagesAsync());
    }

    [Fact]
    public async Task A_reminder_whose_time_passed_before_the_booking_is_not_queued()
    {
        // 13 hours ahead: inside the 24-hour reminder's time, outside the 12-hour minimum notice.
        var slot = await CreateSlotAsync(0, hourUtc: 22);

        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        var reminder = Assert.Single(await MessagesOf(booking.Id), n => n.Kind == BookingEmailKind.Reminder);
        Assert.Equal((slot.StartsAt.AddHours(-1), TimeSpan.FromHours(1)), (reminder.DueAt, reminder.ReminderOffset));
    }

    [Fact]
    public async Task A_students_cancellation_cancels_the_reminders_and_queues_a_cancellation_with_a_higher_sequence()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        var cancelled = await InScope<BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, booking.Id, ActorKind.Student, StudentA(0), "Ill"));

        Assert.True(cancelled.Succeeded, cancelled.Error?.Message);
        Assert.Equal(1, cancelled.Value.CalendarSequence);
        var rows = await MessagesOf(booking.Id);
        Assert.All(rows.Where(n => n.Kind == BookingEmailKind.Reminder), n => Assert.Equal(NotificationStatus.Cancelled, n.Status));
        var cancellation = Assert.Single(rows, n => n.Kind == BookingEmailKind.BookingCancelled);
        Assert.Equal((NotificationStatus.Pending, 1, ActorKind.Student, "Ill"), (cancellation.Status, cancellation.Sequence, cancellation.CancelledBy, cancellation.CancellationReason));
        Assert.Single(rows, n => n.Kind == BookingEmailKind.TeacherStudentCancelled);
    }

    [Fact]
    public async Task A_refused_cancellation_changes_no_message()
    {
        var slot = await CreateSlotAsync(0, hourUtc: 22);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        var before = Summary(await MessagesOf(booking.Id));

        var refused = await InScope<BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, booking.Id, ActorKind.Student, StudentA(0)));

        Assert.Equal(ErrorCodes.TooLateToCancel, refused.Error?.Code);
        Assert.Equal(before, Summary(await MessagesOf(booking.Id)));
    }

    [Fact]
    public async Task Withdrawing_a_booked_class_tells_each_student_and_cancels_their_reminders()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        var first = (await BookAsync(StudentA(0), slot.Id)).Value;
        var second = (await BookAsync(StudentA(1), slot.Id)).Value;

        var deleted = await InScope<TimeSlotService, Result<SlotDeletion>>(s => s.DeleteAsync(TeacherA, slot.Id, cancelBookings: true));

        Assert.True(deleted.Succeeded, deleted.Error?.Message);
        foreach (var booking in new[] { first, second })
        {
            var rows = await MessagesOf(booking.Id);
            var cancellation = Assert.Single(rows, n => n.Kind == BookingEmailKind.BookingCancelled);
            Assert.Equal((1, ActorKind.Teacher), (cancellation.Sequence, cancellation.CancelledBy));
            Assert.DoesNotContain(rows, n => n.Kind == BookingEmailKind.TeacherStudentCancelled);
            Assert.DoesNotContain(rows, n => n.Kind == BookingEmailKind.Reminder && n.Status == NotificationStatus.Pending);
        }
    }

    [Fact]
    public async Task Changing_a_booked_classs_note_sends_an_update_with_a_higher_sequence_and_keeps_the_reminders()
    {
        var slot = await CreateSlotAsync(3, note: "Room 4");
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        var updated = await InScope<TimeSlotService, Result<TimeSlot>>(s =>
            s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(slot.StartsAt, slot.EndsAt, slot.Capacity, slot.Price, "Room 7")));

        Assert.True(updated.Succeeded, updated.Error?.Message);
        var rows = await MessagesOf(booking.Id);
        var change = Assert.Single(rows, n => n.Kind == BookingEmailKind.BookingChanged);
        Assert.Equal((1, "Room 7", (DateTimeOffset?)null), (change.Sequence, change.Note, change.PreviousStartsAt));
        Assert.Equal(2, rows.Count(n => n.Kind == BookingEmailKind.Reminder && n.Status == NotificationStatus.Pending));
        var price = await InScope<TimeSlotService, Result<TimeSlot>>(s =>
            s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(slot.StartsAt, slot.EndsAt, slot.Capacity, 30m, "Room 7")));
        Assert.True(price.Succeeded, price.Error?.Message);
        Assert.Single(await MessagesOf(booking.Id), n => n.Kind == BookingEmailKind.BookingChanged);
    }

    [Fact]
    public async Task Moving_a_booked_class_moves_the_bookings_tells_the_students_and_moves_the_reminders()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        var current = (await OpenSlotsOf(TeacherA)).Single();
        var newStart = slot.StartsAt.AddDays(2).AddHours(3);

        var refused = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.MoveAsync(TeacherA, slot.Id, newStart, current.Version));
        var moved = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.MoveWithBookingsAsync(TeacherA, slot.Id, newStart, current.Version));

        Assert.Equal(ErrorCodes.SlotHasBookings, refused.Error?.Code);
        Assert.True(moved.Succeeded, moved.Error?.Message);
        var stored = await Read((s, ct) => s.FindBookingAsync(booking.Id, ct));
        Assert.Equal((newStart, newStart.AddHours(1), 1, BookingStatus.Confirmed), (stored!.StartsAt, stored.EndsAt, stored.CalendarSequence, stored.Status));
        var rows = await MessagesOf(booking.Id);
        var change = Assert.Single(rows, n => n.Kind == BookingEmailKind.BookingChanged);
        Assert.Equal((1, newStart, (DateTimeOffset?)slot.StartsAt, (DateTimeOffset?)slot.EndsAt), (change.Sequence, change.StartsAt, change.PreviousStartsAt, change.PreviousEndsAt));
        Assert.Equal(
            [slot.StartsAt.AddHours(-24), slot.StartsAt.AddHours(-1)],
            rows.Where(n => n.Kind == BookingEmailKind.Reminder && n.Status == NotificationStatus.Cancelled).Select(n => n.DueAt).Order());
        Assert.Equal(
            [newStart.AddHours(-24), newStart.AddHours(-1)],
            rows.Where(n => n.Kind == BookingEmailKind.Reminder && n.Status == NotificationStatus.Pending).Select(n => n.DueAt).Order());

        // Delivered: the update now; reminders only before the new time.
        await Dispatcher.DeliverDueAsync();
        Assert.Contains(Mail.Sent, m => m.Subject!.StartsWith("Class moved with Maria Keller", StringComparison.Ordinal));
        var before = Mail.Sent.Count;
        Time.SetUtcNow(slot.StartsAt.AddHours(-1));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync());
        Time.SetUtcNow(newStart.AddHours(-1));
        Assert.Equal(2, await Dispatcher.DeliverDueAsync());
        Assert.Equal(before + 2, Mail.Sent.Count);
    }

    [Fact]
    public async Task Delivery_sends_each_due_message_once_and_marks_it_sent()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        Assert.Equal(2, await Dispatcher.DeliverDueAsync());
        Assert.Equal(0, await Dispatcher.DeliverDueAsync());

        var rows = await MessagesOf(booking.Id);
        var sent = rows.Where(n => n.Status == NotificationStatus.Sent).ToList();
        Assert.Equal([BookingEmailKind.BookingConfirmed, BookingEmailKind.TeacherStudentBooked], sent.Select(n => n.Kind).Order());
        Assert.All(sent, n => Assert.Equal((1, Start, (string?)null, (DateTimeOffset?)null), (n.Attempts, n.SentAt!.Value, n.LeaseOwner, n.LeasedUntil)));
        Assert.Equal(
            sent.Select(n => $"{n.Id:N}@example.test").Order(),
            Mail.Sent.Select(m => m.MessageId).Order());
        var toStudent = Mail.Sent.Single(m => m.To.Mailboxes.Single().Address == "a0@example.test");
        Assert.StartsWith("Class booked with Maria Keller", toStudent.Subject, StringComparison.Ordinal);
        Assert.Equal("maria@example.test", Mail.Sent.Single(m => m != toStudent).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Reminders_go_out_at_their_time_and_never_for_a_cancelled_booking()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        var kept = (await BookAsync(StudentA(0), slot.Id)).Value;
        var cancelled = (await BookAsync(StudentA(1), slot.Id)).Value;
        await InScope<BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, cancelled.Id, ActorKind.Student, StudentA(1)));
        await Dispatcher.DeliverDueAsync();
        var afterNews = Mail.Sent.Count;

        Time.SetUtcNow(slot.StartsAt.AddHours(-24).AddSeconds(-1));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync());
        Time.SetUtcNow(slot.StartsAt.AddHours(-24));
        Assert.Equal(1, await Dispatcher.DeliverDueAsync());
        Time.SetUtcNow(slot.StartsAt.AddHours(-1));
        Assert.Equal(1, await Dispatcher.DeliverDueAsync());
        Time.SetUtcNow(slot.StartsAt.AddHours(1));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync());

        var reminders = Mail.Sent.Skip(afterNews).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Equal(("a0@example.test", true), (m.To.Mailboxes.Single().Address, m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal))));
        Assert.DoesNotContain(Mail.Sent, m => m.To.Mailboxes.Single().Address == "a1@example.test" && m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Equal(
            [NotificationStatus.Sent, NotificationStatus.Sent],
            (await MessagesOf(kept.Id)).Where(n => n.Kind == BookingEmailKind.Reminder).Select(n => n.Status));
    }

    [Fact]
    public async Task A_reminder_found_after_its_class_started_is_skipped_not_sent()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        await Dispatcher.DeliverDueAsync();
        var before = Mail.Sent.Count;

        // Delivery was down from before the first reminder until after the class started.
        Time.SetUtcNow(slot.StartsAt.AddMinutes(5));
        Assert.Equal(2, await Dispatcher.DeliverDueAsync());

        Assert.Equal(before, Mail.Sent.Count);
        Assert.All((await MessagesOf(booking.Id)).Where(n => n.Kind == BookingEmailKind.Reminder), n => Assert.Equal(NotificationStatus.Skipped, n.Status));
    }

    [Fact]
    public async Task A_student_who_stopped_reminders_gets_none_but_still_gets_news_of_the_booking()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        var stopped = await InScope<NotificationPreferenceService, Result<bool>>(s => s.SetRemindersStoppedAsync(TeacherA, StudentA(0), stop: true));
        Assert.True(stopped.Succeeded, stopped.Error?.Message);
        Assert.True(await InScope<NotificationPreferenceService, bool>(s => s.HasStoppedRemindersAsync(TeacherA, StudentA(0))));
        Assert.False(await InScope<NotificationPreferenceService, bool>(s => s.HasStoppedRemindersAsync(TeacherA, StudentA(1))));

        await Dispatcher.DeliverDueAsync();
        Time.SetUtcNow(slot.StartsAt.AddHours(-1));
        await Dispatcher.DeliverDueAsync();

        Assert.Equal(2, Mail.Sent.Count);
        var reminders = (await MessagesOf(booking.Id)).Where(n => n.Kind == BookingEmailKind.Reminder).ToList();
        Assert.All(reminders, n => Assert.Equal((NotificationStatus.Skipped, "Student A0 stopped reminders."), (n.Status, n.LastError)));
        Assert.Single(await AuditOf(TeacherA), a => a.Action == AuditActions.RemindersChanged);
    }

    [Fact]
    public async Task E_mails_the_teacher_switched_off_are_skipped_and_the_rest_sent()
    {
        var muted = await InScope<NotificationPreferenceService, Result<IReadOnlySet<BookingEmailKind>>>(s =>
            s.SetMutedAsync(TeacherA, [BookingEmailKind.TeacherStudentBooked]));
        Assert.True(muted.Succeeded, muted.Error?.Message);
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        await Dispatcher.DeliverDueAsync();

        Assert.Equal("a0@example.test", Assert.Single(Mail.Sent).To.Mailboxes.Single().Address);
        var notice = Assert.Single(await MessagesOf(booking.Id), n => n.Kind == BookingEmailKind.TeacherStudentBooked);
        Assert.Equal((NotificationStatus.Skipped, "The teacher switched this e-mail off."), (notice.Status, notice.LastError));
        Assert.Equal([BookingEmailKind.TeacherStudentBooked], await InScope<NotificationPreferenceService, IReadOnlySet<BookingEmailKind>>(s => s.GetMutedAsync(TeacherA)));
        // The teacher's policy keeps the values it had: switching e-mails off stored the defaults alongside.
        var policy = await InScope<TeacherPolicyService, TeacherPolicy>(s => s.GetAsync(TeacherA));
        Assert.Equal((TimeSpan.FromHours(12), "Europe/London"), (policy.MinimumNotice, policy.TimeZoneId));
    }

    [Fact]
    public async Task A_failed_send_is_retried_later_with_backoff_and_marked_dead_after_the_last_attempt()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id, TeacherA)).Value;
        var dispatcher = NewDispatcher("retrying", o => o.MaxAttempts = 2);
        Mail.Failure = new EmailDeliveryException("The mail server did not answer.", isPermanent: false);

        Assert.Equal(2, await dispatcher.DeliverDueAsync());
        var pending = (await MessagesOf(booking.Id)).Where(n => n.Kind != BookingEmailKind.Reminder).ToList();
        Assert.All(pending, n =>
        {
            Assert.Equal((NotificationStatus.Pending, 1, "The mail server did not answer."), (n.Status, n.Attempts, n.LastError));
            Assert.InRange(n.NextAttemptAt, Start.AddSeconds(15), Start.AddSeconds(30));
        });
        Assert.Equal(0, await dispatcher.DeliverDueAsync());

        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, await dispatcher.DeliverDueAsync());

        Assert.All((await MessagesOf(booking.Id)).Where(n => n.Kind != BookingEmailKind.Reminder),
            n => Assert.Equal((NotificationStatus.Dead, 2), (n.Status, n.Attempts)));
        Assert.Empty(Mail.Sent);
        var health = await ActivatorUtilities.CreateInstance<NotificationDeliveryHealthCheck>(Services).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal(2, health.Data["dead"]);
    }

    [Fact]
    public async Task A_permanent_refusal_marks_the_message_dead_at_once()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        Mail.Failure = new EmailDeliveryException("550 5.1.1 No such user.", isPermanent: true);

        await Dispatcher.DeliverDueAsync();

        Assert.All((await MessagesOf(booking.Id)).Where(n => n.Kind != BookingEmailKind.Reminder),
            n => Assert.Equal((NotificationStatus.Dead, 1, "550 5.1.1 No such user."), (n.Status, n.Attempts, n.LastError)));
    }

    [Fact]
    public async Task A_healthy_outbox_reports_healthy()
    {
        var slot = await CreateSlotAsync(3);
        await BookAsync(StudentA(0), slot.Id);
        await Dispatcher.DeliverDueAsync();

        var health = await ActivatorUtilities.CreateInstance<NotificationDeliveryHealthCheck>(Services).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task A_lease_held_by_a_stopped_instance_is_taken_over_when_it_expires()
    {
        var slot = await CreateSlotAsync(3);
        await BookAsync(StudentA(0), slot.Id);
        var outbox = Services.GetRequiredService<INotificationDeliveryStore>();

        // Instance A leases both messages and stops before sending.
        var leasedByA = await outbox.LeaseDueAsync("instance-a", Start, TimeSpan.FromMinutes(2), 20, CancellationToken.None);
        Assert.Equal(2, leasedByA.Count);
        var b = NewDispatcher("instance-b");
        Assert.Equal(0, await b.DeliverDueAsync());

        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await b.DeliverDueAsync());

        Assert.Equal(2, Mail.Sent.Count);
        Assert.False(await outbox.CompleteAsync(leasedByA[0].Id, "instance-a", NotificationStatus.Sent, Time.GetUtcNow(), null, CancellationToken.None));
    }

    [Fact]
    public async Task Instances_leasing_at_the_same_moment_never_lease_the_same_message()
    {
        var slot = await CreateSlotAsync(3, capacity: 30);
        for (var i = 0; i < 30; i++)
        {
            Assert.True((await BookAsync(StudentA(i), slot.Id)).Succeeded);
        }

        var outbox = Services.GetRequiredService<INotificationDeliveryStore>();
        var leases = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                var batch = await outbox.LeaseDueAsync($"instance-{i}", Start, TimeSpan.FromMinutes(2), 7, CancellationToken.None);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(n => n.Id));
            }
        })));

        var all = leases.SelectMany(l => l).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }
}
