using ClassBooking.Core.Notifications;

namespace ClassBooking.Core.Tests.Notifications;

public sealed class BookingCalendarUidTests
{
    [Fact]
    public void The_uid_is_the_booking_id_in_hex_at_classbooking()
    {
        Assert.Equal(
            "booking-0f8fad5bd9cb469fa16570867728950e@classbooking",
            BookingCalendarUid.For(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));
    }

    [Fact]
    public void The_same_booking_always_gets_the_same_uid_and_two_bookings_never_share_one()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();

        Assert.All(ids, id => Assert.Equal(BookingCalendarUid.For(id), BookingCalendarUid.For(new Guid(id.ToString()))));
        Assert.Equal(ids.Count, ids.Select(BookingCalendarUid.For).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_empty_id_has_no_uid()
    {
        Assert.Throws<ArgumentException>(() => BookingCalendarUid.For(Guid.Empty));
    }
}
