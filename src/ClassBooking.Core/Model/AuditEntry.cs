namespace ClassBooking.Core.Model;

/// <summary>One row of the append-only audit log, written in the same transaction as the change it records.</summary>
public sealed class AuditEntry
{
    /// <summary>Identifier of the row.</summary>
    public Guid Id { get; set; }

    /// <summary>When the change was made, UTC.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The teacher whose data changed.</summary>
    public required string TeacherId { get; set; }

    /// <summary>Who made the change.</summary>
    public ActorKind ActorKind { get; set; }

    /// <summary>Id of the actor (teacher or student id), if any.</summary>
    public string? ActorId { get; set; }

    /// <summary>What was done, e.g. <c>booking.created</c>; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>Kind of the changed thing, e.g. <c>booking</c>.</summary>
    public required string TargetType { get; set; }

    /// <summary>Id of the changed thing.</summary>
    public required string TargetId { get; set; }

    /// <summary>Keyed hash of the client address, if the change came over the network.</summary>
    public string? ClientAddressHash { get; set; }

    /// <summary>Short machine-readable details (JSON), never personal data of other students.</summary>
    public string? Details { get; set; }
}

/// <summary>The actions written to the audit log.</summary>
public static class AuditActions
{
    /// <summary>A slot was created.</summary>
    public const string SlotCreated = "slot.created";
    /// <summary>A slot was changed.</summary>
    public const string SlotUpdated = "slot.updated";
    /// <summary>A slot was deleted or cancelled.</summary>
    public const string SlotDeleted = "slot.deleted";
    /// <summary>A series was created.</summary>
    public const string SeriesCreated = "series.created";
    /// <summary>A series was edited.</summary>
    public const string SeriesUpdated = "series.updated";
    /// <summary>A series (or part of it) was deleted.</summary>
    public const string SeriesDeleted = "series.deleted";
    /// <summary>A blocked period was created.</summary>
    public const string BlockCreated = "block.created";
    /// <summary>A blocked period was removed.</summary>
    public const string BlockDeleted = "block.deleted";
    /// <summary>A booking was made.</summary>
    public const string BookingCreated = "booking.created";
    /// <summary>A booking was cancelled.</summary>
    public const string BookingCancelled = "booking.cancelled";
    /// <summary>A share link was created.</summary>
    public const string TokenCreated = "token.created";
    /// <summary>A share link was regenerated.</summary>
    public const string TokenRegenerated = "token.regenerated";
    /// <summary>A share link was revoked.</summary>
    public const string TokenRevoked = "token.revoked";
    /// <summary>A teacher made a calendar feed address.</summary>
    public const string CalendarFeedCreated = "calendar-feed.created";
    /// <summary>A teacher replaced their calendar feed address (the old one stopped working).</summary>
    public const string CalendarFeedRegenerated = "calendar-feed.regenerated";
    /// <summary>A teacher revoked their calendar feed address.</summary>
    public const string CalendarFeedRevoked = "calendar-feed.revoked";
    /// <summary>A teacher's policy changed.</summary>
    public const string PolicyUpdated = "policy.updated";
    /// <summary>A teacher chose a student's colour.</summary>
    public const string StudentColorChanged = "student.color-changed";

    /// <summary>The teacher switched booking e-mails on or off.</summary>
    public const string EmailSettingsChanged = "email.settings-changed";

    /// <summary>A student stopped or resumed reminder e-mails.</summary>
    public const string RemindersChanged = "student.reminders-changed";
}
