namespace ClassBooking.Components;

/// <summary>Shows the core's errors for one field (<see cref="Core.ClassBookingError.Field"/>) next to it.</summary>
public partial class FieldError
{
}
