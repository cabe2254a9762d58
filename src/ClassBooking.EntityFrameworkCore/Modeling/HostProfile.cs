namespace ClassBooking.EntityFrameworkCore.Modeling;

/// <summary>
/// A row of the host's profile table, mapped only so ClassBooking's tables can have foreign keys to it. The table is
/// excluded from ClassBooking's migrations: it is never created, altered or dropped by them.
/// </summary>
internal sealed class HostProfile
{
    /// <summary>The profile's key, as a string (converted to the host's key type in the database).</summary>
    public string Id { get; set; } = "";
}
