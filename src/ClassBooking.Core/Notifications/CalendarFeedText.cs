namespace ClassBooking.Core.Notifications;

/// <summary>
/// Every word of the calendar feeds: the calendars' names and the events' titles. A host translates or rewords them
/// by deriving from this class and registering its class in its place (as with <see cref="BookingEmailText"/>).
/// </summary>
public class CalendarFeedText
{
    /// <summary>The name of a student's feed, e.g. "Classes with Maria Keller".</summary>
    public virtual string StudentCalendarName(string teacherName) => $"Classes with {teacherName}";

    /// <summary>The name of a teacher's feed, e.g. "Teaching schedule of Maria Keller".</summary>
    public virtual string TeacherCalendarName(string teacherName) => $"Teaching schedule of {teacherName}";

    /// <summary>
    /// A booked class in the student's feed, e.g. "Class with Maria Keller": by default the words of the student's
    /// invitation (<see cref="BookingEmailText.CalendarSummary"/>), so both name the event alike.
    /// </summary>
    public virtual string StudentBookingSummary(string teacherName) => ClassWith(teacherName);

    /// <summary>A booked class in the teacher's feed, named after its student, e.g. "Class with Lena Fischer".</summary>
    public virtual string TeacherBookingSummary(string studentName) => ClassWith(studentName);

    /// <summary>Who a booking is with when the host no longer lists its student (e.g. the student left).</summary>
    public virtual string UnknownStudentName => "a student";

    /// <summary>An open slot nobody has booked yet, e.g. "Open: 2 seats".</summary>
    public virtual string OpenSlotSummary(int seatsLeft) => seatsLeft == 1 ? "Open: 1 seat" : $"Open: {seatsLeft} seats";

    /// <summary>A blocked period: its reason, or "Busy" when it has none.</summary>
    public virtual string BlockedPeriodSummary(string? reason) => string.IsNullOrWhiteSpace(reason) ? "Busy" : reason.Trim();

    /// <summary>"Class with {name}": the title of a booked class in invitations and feeds alike.</summary>
    internal static string ClassWith(string name) => $"Class with {name}";
}
