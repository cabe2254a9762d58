namespace ClassBooking.EntityFrameworkCore;

/// <summary>
/// Where the host keeps its profiles (teachers and students), so ClassBooking's tables can reference them with
/// foreign keys. ClassBooking maps that table but never creates, alters or drops it.
/// </summary>
public sealed class ClassBookingStoreOptions
{
    /// <summary>The key types a host's profile table may have.</summary>
    public static IReadOnlyList<Type> SupportedKeyTypes { get; } = [typeof(string), typeof(Guid), typeof(int), typeof(long)];

    /// <summary>Name of the host's profile table (default <c>profiles</c>).</summary>
    public string HostProfileTable { get; set; } = "profiles";

    /// <summary>Schema of the host's profile table; null for the connection's default (PostgreSQL's search path, or SQLite's main database).</summary>
    public string? HostProfileSchema { get; set; }

    /// <summary>Name of the primary-key column of the host's profile table (default <c>id</c>).</summary>
    public string HostProfileKeyColumn { get; set; } = "id";

    /// <summary>
    /// CLR type of the host's profile key: <see cref="string"/> (default), <see cref="Guid"/>, <see cref="int"/> or
    /// <see cref="long"/>. ClassBooking's teacher and student columns get the same database type; ids are strings in
    /// ClassBooking's model and are converted on the way in and out.
    /// </summary>
    public Type HostProfileKeyType { get; set; } = typeof(string);

    /// <summary>
    /// Whether ClassBooking's tables get foreign keys to the host's profile table (default true). Turn it off when the
    /// profiles live elsewhere (another database or service); the teacher and student columns keep
    /// <see cref="HostProfileKeyType"/>'s database type.
    /// </summary>
    public bool CreateHostForeignKeys { get; set; } = true;

    internal HostProfileSettings ToSettings()
    {
        if (string.IsNullOrWhiteSpace(HostProfileTable))
        {
            throw new InvalidOperationException("ClassBookingStoreOptions.HostProfileTable is empty; set it to the name of the host's profile table (e.g. \"profiles\").");
        }

        if (string.IsNullOrWhiteSpace(HostProfileKeyColumn))
        {
            throw new InvalidOperationException("ClassBookingStoreOptions.HostProfileKeyColumn is empty; set it to the key column of the host's profile table (e.g. \"id\").");
        }

        if (!SupportedKeyTypes.Contains(HostProfileKeyType))
        {
            throw new InvalidOperationException(
                $"ClassBookingStoreOptions.HostProfileKeyType is {HostProfileKeyType}; use one of {string.Join(", ", SupportedKeyTypes.Select(t => t.Name))}.");
        }

        return new HostProfileSettings(HostProfileTable, string.IsNullOrWhiteSpace(HostProfileSchema) ? null : HostProfileSchema, HostProfileKeyColumn, HostProfileKeyType, CreateHostForeignKeys);
    }
}

/// <summary>An immutable copy of <see cref="ClassBookingStoreOptions"/>, used as part of the model's cache key.</summary>
internal sealed record HostProfileSettings(string Table, string? Schema, string KeyColumn, Type KeyType, bool CreateForeignKeys)
{
    /// <summary>The settings the migrations were generated with (<c>profiles(id text)</c>, with foreign keys).</summary>
    public static HostProfileSettings DesignTime { get; } = new ClassBookingStoreOptions().ToSettings();
}
