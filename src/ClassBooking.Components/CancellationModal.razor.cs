namespace ClassBooking.Components;

/// <summary>
/// Cancels one of the student's bookings. Before anything is done it shows whether cancelling is still allowed
/// (<see cref="Core.Policies.BookingPolicyEvaluator.CheckCancellation"/>) and until when; inside the cancellation
/// window it shows the reason and offers no way to cancel; otherwise Confirm cancels through
/// <see cref="Core.Services.BookingService.CancelAsync"/>, which checks the policy again.
/// </summary>
public partial class CancellationModal
{
}
