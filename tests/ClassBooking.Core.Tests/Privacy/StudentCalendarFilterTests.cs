using System.Text.Json;
using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using Microsoft.Extensions.Time.Testing;

namespace ClassBooking.Core.Tests.Privacy;

public sealed class StudentCalendarFilterTests
{
    private const string Me = "student-me-4711";
    private const string Other = "student-other-0815";
    private const string SecretNote = "Private: Marta's exam prep, bring the mock paper";

    private readonly FakeTimeProvider _time = new(Times.Utc(2026, 6, 1, 9));

    private static readonly TeacherPolicy Policy = new()
    {
        TeacherId = "teacher-1",
        TimeZoneId = Times.London,
        MinimumNotice = TimeSpan.FromHours(12),
        BookingHorizon = TimeSpan.FromDays(56),
        CancellationWindow = TimeSpan.FromHours(24),
    };

    private TimeSlot Slot(double hoursFromNow, int capacity = 1, int booked = 0, string? note = null, decimal? price = null, SlotStatus status = SlotStatus.Open) => new()
    {
        Id = Guid.NewGuid(),
        TeacherId = "teacher-1",
        StartsAt = _time.GetUtcNow().AddHours(hoursFromNow),
        EndsAt = _time.GetUtcNow().AddHours(hoursFromNow + 1),
        Capacity = capacity,
        BookedCount = booked,
        Note = note,
        Price = price,
        Status = status,
    };

    private static Booking BookingOf(string studentId, TimeSlot slot, BookingStatus status = BookingStatus.Confirmed) => new()
    {
        Id = Guid.NewGuid(),
        SlotId = slot.Id,
        TeacherId = slot.TeacherId,
        StudentId = studentId,
        StartsAt = slot.StartsAt,
        EndsAt = slot.EndsAt,
        Status = status,
    };

    private IReadOnlyList<StudentCalendarEntry> Project(IEnumerable<TimeSlot> slots, IEnumerable<Booking> bookings) =>
        StudentCalendarFilter.Project(slots, bookings, Me, Policy, _time.GetUtcNow());

    [Fact]
    public void A_free_private_slot_is_available_with_its_price_and_note_and_no_seat_counts()
    {
        var slot = Slot(48, note: "Bring your grammar book", price: 30m);

        var entry = Assert.Single(Project([slot], []));

        Assert.Equal(
            new StudentCalendarEntry(slot.Id, slot.StartsAt, slot.EndsAt, StudentSlotStatus.Available, null, null, 30m, "Bring your grammar book", null),
            entry);
    }

    [Fact]
    public void A_group_class_with_free_seats_is_available_with_its_seats()
    {
        var slot = Slot(48, capacity: 4, booked: 1);
        var entry = Assert.Single(Project([slot], [BookingOf(Other, slot)]));

        Assert.Equal(StudentSlotStatus.Available, entry.Status);
        Assert.Equal(3, entry.SeatsLeft);
        Assert.Equal(4, entry.Capacity);
        Assert.Null(entry.BookingId);
    }

    [Fact]
    public void The_students_own_booking_is_booked_with_its_id()
    {
        var privateSlot = Slot(48, booked: 1, note: "Room 2", price: 25m);
        var groupSlot = Slot(72, capacity: 3, booked: 3);
        var mine = BookingOf(Me, privateSlot);
        var mineInGroup = BookingOf(Me, groupSlot);

        var entries = Project([groupSlot, privateSlot], [mine, mineInGroup, BookingOf(Other, groupSlot)]);

        Assert.Equal(
            [
                new StudentCalendarEntry(privateSlot.Id, privateSlot.StartsAt, privateSlot.EndsAt, StudentSlotStatus.Booked, null, null, 25m, "Room 2", mine.Id),
                new StudentCalendarEntry(groupSlot.Id, groupSlot.StartsAt, groupSlot.EndsAt, StudentSlotStatus.Booked, 0, 3, null, null, mineInGroup.Id),
            ],
            entries);
    }

    [Fact]
    public void Own_bookings_stay_booked_inside_the_notice_and_after_the_start()
    {
        var soon = Slot(2, booked: 1);
        var started = Slot(-0.5, booked: 1);

        var entries = Project([soon, started], [BookingOf(Me, soon), BookingOf(Me, started)]);

        Assert.All(entries, e => Assert.Equal(StudentSlotStatus.Booked, e.Status));
    }

    [Fact]
    public void Another_students_booking_is_unavailable_and_carries_only_the_time()
    {
        var slot = Slot(48, booked: 1, note: SecretNote, price: 30m);
        var theirs = BookingOf(Other, slot);

        var entry = Assert.Single(Project([slot], [theirs]));

        Assert.Equal(new StudentCalendarEntry(slot.Id, slot.StartsAt, slot.EndsAt, StudentSlotStatus.Unavailable, null, null, null, null, null), entry);
    }

    [Fact]
    public void A_full_group_class_is_unavailable_without_seat_counts()
    {
        var slot = Slot(48, capacity: 5, booked: 5, price: 12m);

        var entry = Assert.Single(Project([slot], []));

        Assert.Equal(StudentSlotStatus.Unavailable, entry.Status);
        Assert.Null(entry.SeatsLeft);
        Assert.Null(entry.Capacity);
        Assert.Null(entry.Price);
    }

    [Fact]
    public void A_free_slot_inside_the_minimum_notice_or_past_the_horizon_or_started_is_unavailable()
    {
        var tooSoon = Slot(11.9, note: "soon");
        var tooFar = Slot((57 * 24) + 1, note: "far");
        var started = Slot(-0.25, note: "started");
        var justInTime = Slot(12);

        var entries = Project([tooSoon, tooFar, started, justInTime], []);

        Assert.Equal(
            [(started.Id, StudentSlotStatus.Unavailable), (tooSoon.Id, StudentSlotStatus.Unavailable), (justInTime.Id, StudentSlotStatus.Available), (tooFar.Id, StudentSlotStatus.Unavailable)],
            entries.Select(e => (e.SlotId, e.Status)));
        Assert.All(entries.Where(e => e.Status == StudentSlotStatus.Unavailable), e => Assert.Null(e.Note));

        // The same slot becomes unavailable once the clock passes the notice.
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(StudentSlotStatus.Unavailable, Assert.Single(Project([justInTime], [])).Status);
    }

    [Fact]
    public void Cancelled_slots_are_left_out_even_when_the_student_had_booked_them()
    {
        var cancelled = Slot(48, booked: 1, status: SlotStatus.Cancelled);
        var open = Slot(72);

        var entries = Project([cancelled, open], [BookingOf(Me, cancelled)]);

        Assert.Equal([open.Id], entries.Select(e => e.SlotId));
    }

    [Fact]
    public void A_cancelled_booking_of_the_student_does_not_count_as_theirs()
    {
        var slot = Slot(48);

        var entry = Assert.Single(Project([slot], [BookingOf(Me, slot, BookingStatus.Cancelled)]));

        Assert.Equal(StudentSlotStatus.Available, entry.Status);
        Assert.Null(entry.BookingId);
    }

    [Fact]
    public void Entries_are_in_start_order()
    {
        var slots = new[] { Slot(90), Slot(20), Slot(50), Slot(30) };

        var entries = Project(slots, []);

        Assert.Equal(slots.OrderBy(s => s.StartsAt).Select(s => s.Id), entries.Select(e => e.SlotId));
    }

    public static TheoryData<string> SerializerSettings => ["default", "web"];

    [Theory]
    [MemberData(nameof(SerializerSettings))]
    public void The_serialized_calendar_never_contains_another_students_id_booking_or_private_note(string settings)
    {
        var options = settings == "web" ? JsonSerializerOptions.Web : JsonSerializerOptions.Default;
        var theirPrivate = Slot(30, booked: 1, note: SecretNote, price: 40m);
        var theirGroupFull = Slot(40, capacity: 2, booked: 2, note: SecretNote + " (group)");
        var sharedGroup = Slot(50, capacity: 3, booked: 2, note: "Conversation club");
        var myPrivate = Slot(60, booked: 1, note: "Your lesson");
        var free = Slot(70, note: "Open slot note");
        var tooSoonWithNote = Slot(1, note: SecretNote + " (soon)");
        Booking[] bookings =
        [
            BookingOf(Other, theirPrivate), BookingOf(Other, theirGroupFull), BookingOf("student-third-1234", theirGroupFull),
            BookingOf(Other, sharedGroup), BookingOf(Me, sharedGroup), BookingOf(Me, myPrivate),
        ];

        var json = JsonSerializer.Serialize(Project([theirPrivate, theirGroupFull, sharedGroup, myPrivate, free, tooSoonWithNote], bookings), options);

        // What the student may see is there (so the absence checks below are meaningful) ...
        Assert.Contains(bookings[4].Id.ToString(), json, StringComparison.Ordinal);
        Assert.Contains(bookings[5].Id.ToString(), json, StringComparison.Ordinal);
        Assert.Contains("Conversation club", json, StringComparison.Ordinal);
        Assert.Contains("Open slot note", json, StringComparison.Ordinal);
        Assert.Contains(theirPrivate.Id.ToString(), json, StringComparison.Ordinal);

        // ... and nothing about anyone else.
        Assert.DoesNotContain(Other, json, StringComparison.Ordinal);
        Assert.DoesNotContain("student-third-1234", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Me, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Marta", json, StringComparison.Ordinal);
        Assert.DoesNotContain("exam prep", json, StringComparison.Ordinal);
        foreach (var booking in new[] { bookings[0], bookings[1], bookings[2], bookings[3] })
        {
            Assert.DoesNotContain(booking.Id.ToString(), json, StringComparison.OrdinalIgnoreCase);
        }

        // The unavailable entries carry only id, times and status.
        using var document = JsonDocument.Parse(json);
        var unavailable = document.RootElement.EnumerateArray()
            // The status is written by its wire name whatever the serializer's settings (the enum carries its converter).
            .Where(e => e.GetProperty(settings == "web" ? "status" : "Status").GetString() == "unavailable")
            .ToList();
        Assert.Equal(3, unavailable.Count);
        Assert.All(unavailable, e => Assert.All(
            e.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null),
            p => Assert.Contains(p.Name, new[] { "SlotId", "StartsAt", "EndsAt", "Status", "slotId", "startsAt", "endsAt", "status" })));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var now = _time.GetUtcNow();
        Assert.Throws<ArgumentNullException>(() => StudentCalendarFilter.Project(null!, [], Me, Policy, now));
        Assert.Throws<ArgumentNullException>(() => StudentCalendarFilter.Project([], null!, Me, Policy, now));
        Assert.Throws<ArgumentNullException>(() => StudentCalendarFilter.Project([], [], Me, null!, now));
    }
}
