using ClassBooking.Core.Model;
using ClassBooking.Core.Policies;
using Microsoft.Extensions.Time.Testing;

namespace ClassBooking.Core.Tests.Policies;

public sealed class BookingPolicyEvaluatorTests
{
    private readonly FakeTimeProvider _time = new(Times.Utc(2026, 6, 1, 9));

    private static TeacherPolicy Policy(double noticeHours = 12, double horizonDays = 56, double cancellationHours = 24) => new()
    {
        TeacherId = "teacher-1",
        TimeZoneId = Times.London,
        MinimumNotice = TimeSpan.FromHours(noticeHours),
        BookingHorizon = TimeSpan.FromDays(horizonDays),
        CancellationWindow = TimeSpan.FromHours(cancellationHours),
    };

    private static TimeSlot SlotAt(DateTimeOffset start, SlotStatus status = SlotStatus.Open) => new()
    {
        Id = Guid.NewGuid(),
        TeacherId = "teacher-1",
        StartsAt = start,
        EndsAt = start.AddHours(1),
        Status = status,
    };

    private static Booking BookingAt(DateTimeOffset start, BookingStatus status = BookingStatus.Confirmed) => new()
    {
        Id = Guid.NewGuid(),
        SlotId = Guid.NewGuid(),
        TeacherId = "teacher-1",
        StudentId = "student-1",
        StartsAt = start,
        EndsAt = start.AddHours(1),
        Status = status,
    };

    [Fact]
    public void A_slot_between_the_notice_and_the_horizon_may_be_booked()
    {
        var now = _time.GetUtcNow();
        Assert.Null(BookingPolicyEvaluator.CheckBooking(Policy(), SlotAt(now.AddDays(3)), now));
        // Both limits are inclusive.
        Assert.Null(BookingPolicyEvaluator.CheckBooking(Policy(), SlotAt(now.AddHours(12)), now));
        Assert.Null(BookingPolicyEvaluator.CheckBooking(Policy(), SlotAt(now.AddDays(56)), now));
    }

    [Fact]
    public void A_slot_inside_the_minimum_notice_is_too_late_to_book()
    {
        var slot = SlotAt(_time.GetUtcNow().AddHours(12));
        Assert.Null(BookingPolicyEvaluator.CheckBooking(Policy(), slot, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromTicks(1));
        var error = BookingPolicyEvaluator.CheckBooking(Policy(), slot, _time.GetUtcNow());

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.TooLateToBook, error.Code);
        Assert.Equal("Classes must be booked at least 12 hours before they start.", error.Message);
        Assert.Null(error.Field);
    }

    [Fact]
    public void A_slot_beyond_the_horizon_is_outside_it()
    {
        var now = _time.GetUtcNow();
        var error = BookingPolicyEvaluator.CheckBooking(Policy(), SlotAt(now.AddDays(56).AddTicks(1)), now);

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.OutsideHorizon, error.Code);
        Assert.Equal("Classes can be booked at most 8 weeks ahead.", error.Message);
    }

    [Fact]
    public void A_slot_that_has_started_is_in_the_past_even_with_no_notice()
    {
        var now = _time.GetUtcNow();
        foreach (var start in new[] { now, now.AddMinutes(-30), now.AddDays(-3) })
        {
            var error = BookingPolicyEvaluator.CheckBooking(Policy(noticeHours: 0), SlotAt(start), now);
            Assert.NotNull(error);
            Assert.Equal(ErrorCodes.SlotInPast, error.Code);
            Assert.Equal("This class has already started.", error.Message);
        }

        Assert.Null(BookingPolicyEvaluator.CheckBooking(Policy(noticeHours: 0), SlotAt(now.AddTicks(1)), now));
    }

    [Fact]
    public void A_cancelled_slot_cannot_be_booked_whatever_its_time()
    {
        var now = _time.GetUtcNow();
        foreach (var start in new[] { now.AddDays(3), now.AddDays(-3), now.AddDays(300) })
        {
            var error = BookingPolicyEvaluator.CheckBooking(Policy(), SlotAt(start, SlotStatus.Cancelled), now);
            Assert.NotNull(error);
            Assert.Equal(ErrorCodes.SlotCancelled, error.Code);
            Assert.Equal("This class time was withdrawn by the teacher.", error.Message);
        }
    }

    [Fact]
    public void A_student_may_cancel_until_the_window_and_not_after()
    {
        var booking = BookingAt(_time.GetUtcNow().AddHours(30));
        var deadline = BookingPolicyEvaluator.CancellationDeadline(Policy(), booking.StartsAt);
        Assert.Equal(booking.StartsAt.AddHours(-24), deadline);

        _time.SetUtcNow(deadline);
        Assert.Null(BookingPolicyEvaluator.CheckCancellation(Policy(), booking, ActorKind.Student, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(1));
        var error = BookingPolicyEvaluator.CheckCancellation(Policy(), booking, ActorKind.Student, _time.GetUtcNow());
        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.TooLateToCancel, error.Code);
        Assert.Equal("Classes can be cancelled until 24 hours before they start. Please contact your teacher.", error.Message);
    }

    [Fact]
    public void A_student_cannot_cancel_a_class_that_has_started()
    {
        var booking = BookingAt(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(10));

        var error = BookingPolicyEvaluator.CheckCancellation(Policy(cancellationHours: 0), booking, ActorKind.Student, _time.GetUtcNow());

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.TooLateToCancel, error.Code);
        Assert.Equal("This class has already started, so it can no longer be cancelled.", error.Message);
    }

    [Theory]
    [InlineData(ActorKind.Teacher)]
    [InlineData(ActorKind.System)]
    public void Teachers_and_the_system_may_always_cancel(ActorKind actor)
    {
        var now = _time.GetUtcNow();
        foreach (var start in new[] { now.AddDays(3), now.AddMinutes(5), now, now.AddHours(-2) })
        {
            Assert.Null(BookingPolicyEvaluator.CheckCancellation(Policy(), BookingAt(start), actor, now));
        }
    }

    [Theory]
    [InlineData(ActorKind.Teacher)]
    [InlineData(ActorKind.Student)]
    [InlineData(ActorKind.System)]
    public void A_cancelled_booking_cannot_be_cancelled_again_by_anyone(ActorKind actor)
    {
        var now = _time.GetUtcNow();
        var error = BookingPolicyEvaluator.CheckCancellation(Policy(), BookingAt(now.AddDays(5), BookingStatus.Cancelled), actor, now);

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.AlreadyCancelled, error.Code);
        Assert.Equal("This booking was already cancelled.", error.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var now = _time.GetUtcNow();
        Assert.Throws<ArgumentNullException>(() => BookingPolicyEvaluator.CheckBooking(null!, SlotAt(now), now));
        Assert.Throws<ArgumentNullException>(() => BookingPolicyEvaluator.CheckBooking(Policy(), null!, now));
        Assert.Throws<ArgumentNullException>(() => BookingPolicyEvaluator.CheckCancellation(null!, BookingAt(now), ActorKind.Student, now));
        Assert.Throws<ArgumentNullException>(() => BookingPolicyEvaluator.CheckCancellation(Policy(), null!, ActorKind.Student, now));
        Assert.Throws<ArgumentNullException>(() => BookingPolicyEvaluator.CancellationDeadline(null!, now));
    }

    [Theory]
    [InlineData(0, "0 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(2, "2 minutes")]
    [InlineData(45, "45 minutes")]
    [InlineData(90, "90 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(120, "2 hours")]
    [InlineData(12 * 60, "12 hours")]
    [InlineData(24 * 60, "24 hours")]
    [InlineData(36 * 60, "36 hours")]
    [InlineData(47 * 60, "47 hours")]
    [InlineData(48 * 60, "2 days")]
    [InlineData(3 * 24 * 60, "3 days")]
    [InlineData(7 * 24 * 60, "1 week")]
    [InlineData(10 * 24 * 60, "10 days")]
    [InlineData(14 * 24 * 60, "2 weeks")]
    [InlineData(56 * 24 * 60, "8 weeks")]
    [InlineData((24 * 60) + 30, "1470 minutes")]
    public void Describe_puts_a_span_in_plain_words(int minutes, string expected)
    {
        Assert.Equal(expected, BookingPolicyEvaluator.Describe(TimeSpan.FromMinutes(minutes)));
    }
}
