namespace ClassBooking.Components;

/// <summary>
/// The modal dialog the booking components share: <c>role="dialog"</c>, <c>aria-modal="true"</c>, labelled by its
/// title and described by its body; focus moves into it when it opens and Tab keeps it inside; Escape closes it.
/// </summary>
public partial class ClassBookingDialog
{
}
