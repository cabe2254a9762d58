using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using ClassLogger.Booking;
using ClassLogger.Components;

namespace ClassLogger.Dashboard;

/// <summary>The booking part of a student card: the next booked class (in the teacher's zone) and the state of the student's link.</summary>
/// <param name="NextClassLocal">Start of the next booked class in the teacher's zone, or null.</param>
/// <param name="LinkState"><c>none</c>, <c>active</c> or <c>expired</c>.</param>
/// <param name="LinkText">The link's state in words.</param>
public sealed record StudentBookingStatus(DateTime? NextClassLocal, string LinkState, string LinkText)
{
    /// <summary>A student with no booking and no link.</summary>
    public static StudentBookingStatus None { get; } = new(null, "none", "No link yet");
}

/// <summary>Reads the booking status of a teacher's students from ClassBooking's services, for the Students tab.</summary>
public sealed class StudentBookingStatuses(BookingService bookings, ShareTokenService tokens, TeacherPolicyService policies)
{
    /// <summary>Per student profile id: the booking status. Students without bookings or links get <see cref="StudentBookingStatus.None"/>.</summary>
    public async Task<IReadOnlyDictionary<int, StudentBookingStatus>> GetAsync(TeacherIdentity teacher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var teacherId = teacher.TeacherId;

        // The zone ClassBooking shows the teacher's classes in (the Schedule tab's), which the teacher may have changed.
        var zone = (await policies.GetAsync(teacherId, cancellationToken)).TimeZoneId;
        var next = await bookings.GetNextBookingsAsync(teacherId, cancellationToken);
        var links = await tokens.GetLinkStatusesAsync(teacherId, cancellationToken);

        var result = new Dictionary<int, StudentBookingStatus>();
        foreach (var link in links)
        {
            if (!ProfileIds.TryParse(link.Student.Id, out var id))
            {
                continue;
            }

            DateTime? nextLocal = next.TryGetValue(link.Student.Id, out var booking) ? LocalTimeConverter.ToLocal(booking.StartsAt, zone) : null;
            var (state, text) = !link.HasLink ? ("none", "No link yet")
                : link.IsExpired ? ("expired", $"Expired on {Formats.Date(LocalTimeConverter.ToLocal(link.ExpiresAt!.Value, zone))}")
                : ("active", $"Active until {Formats.Date(LocalTimeConverter.ToLocal(link.ExpiresAt!.Value, zone))}");
            result[id] = new StudentBookingStatus(nextLocal, state, text);
        }

        return result;
    }
}
