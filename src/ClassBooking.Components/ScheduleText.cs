using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;

namespace ClassBooking.Components;

/// <summary>
/// How the teacher's schedule words its refusals and builds the draft of a moved class. Presentation only: whether a
/// time is free, valid or movable is decided by <see cref="TimeSlotService"/>; this puts its answers into words.
/// </summary>
internal static class ScheduleText
{
    /// <summary>The core's error in plain words; an overlap names what it hits and the nearby free times.</summary>
    public static string Explain(ClassBookingError error, string zone) =>
        error.Code == ErrorCodes.Overlaps && error.Conflicts.Count > 0
            ? Describe(error.Conflicts[0], zone) + FreeNearby(error.Suggestions, zone)
            : error.Message;

    /// <summary>"This time overlaps your class on Thu 9 Apr, 17:00–18:00."</summary>
    public static string Describe(SlotConflict conflict, string zone)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var what = conflict.WithKind switch
        {
            ConflictKind.Block => "a blocked period",
            ConflictKind.Candidate => "another new class",
            _ => "your class on " + PortalText.When(conflict.With.Start, conflict.With.End, zone),
        };
        return (conflict.BufferOnly ? "This time leaves too short a break next to " : "This time overlaps ") + what + ".";
    }

    /// <summary>" Free nearby: Thu 9 Apr, 15:00–16:00; Thu 9 Apr, 18:00–19:00." or "" when the core suggested nothing.</summary>
    public static string FreeNearby(IReadOnlyList<TimeRange> suggestions, string zone) =>
        suggestions.Count == 0
            ? ""
            : " Free nearby: " + string.Join("; ", suggestions.Select(s => PortalText.When(s.Start, s.End, zone))) + ".";
}
