namespace ClassBooking.Core.Model;

/// <summary>
/// A fingerprint of a teacher's notices (see <see cref="Stores.IClassBookingSession.GetTeacherNoticeVersionAsync"/>),
/// computed by the database in one aggregate: a view compares it with the one it last showed and reloads the list
/// only when it differs. A new notice changes <see cref="Count"/> and <see cref="Newest"/>, a message that dies
/// changes <see cref="Count"/> or <see cref="Dead"/>, and marking read changes <see cref="Unread"/>.
/// </summary>
/// <param name="Count">How many notices the teacher has.</param>
/// <param name="Unread">How many of them the teacher has not marked read.</param>
/// <param name="Dead">How many of them are messages that could not be delivered.</param>
/// <param name="Newest">When the newest notice was written, or null when there is none.</param>
public readonly record struct TeacherNoticeVersion(int Count, int Unread, int Dead, DateTimeOffset? Newest)
{
    /// <summary>The version of a teacher without notices.</summary>
    public static TeacherNoticeVersion None => default;
}
