namespace ClassBooking.Core.Notifications;

/// <summary>The e-mails ClassBooking sends about a booking, and to whom each goes.</summary>
public enum BookingEmailKind
{
    /// <summary>To the student: the booking is confirmed. Carries the invitation (<c>METHOD:REQUEST</c>).</summary>
    BookingConfirmed = 0,

    /// <summary>To the student: the booking was cancelled, by the student or the teacher. Carries the cancellation (<c>METHOD:CANCEL</c>).</summary>
    BookingCancelled = 1,

    /// <summary>To the student: the class was moved to another time. Carries the updated invitation (<c>METHOD:REQUEST</c>).</summary>
    BookingChanged = 2,

    /// <summary>To the student: the class is coming up. No invitation: the calendar already holds the event.</summary>
    Reminder = 3,

    /// <summary>To the teacher: a student booked a class. No invitation.</summary>
    TeacherStudentBooked = 4,

    /// <summary>To the teacher: a student cancelled a booking. No invitation.</summary>
    TeacherStudentCancelled = 5,
}
