namespace ClassBooking.Components;

/// <summary>
/// Asks the student to confirm a booking: date, time (in the student's zone), teacher and the cancellation policy.
/// Confirm books through <see cref="Core.Services.BookingService.BookAsync"/> for the student the share token belongs
/// to; success and every refusal (just taken, too late, too far ahead, weekly limit, already booked, ...) are
/// explained in plain words.
/// </summary>
public partial class BookingConfirmationModal
{
}
