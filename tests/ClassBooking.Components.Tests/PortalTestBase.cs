using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClassBooking.Components.Tests;

/// <summary>
/// The portal over real core services and a real SQLite store: teacher Maria in Europe/London, her student Anna in
/// Europe/Berlin (whose link the tests open) and another student, Bob, whose booking Anna must never learn about.
/// The clock stands at Wednesday 2026-04-08 12:00 UTC; the policy is the default (12 hours' notice, 8 weeks ahead,
/// cancel until 24 hours before).
/// </summary>
public abstract class PortalTestBase : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    protected const string Teacher = "teacher-maria";
    protected const string Anna = "student-anna";
    protected const string BobId = "student-bob-7f3a";
    protected const string BobName = "Bobbington Quill";
    protected const string BobEmail = "bob.quill@private.example";
    protected const string BobsSlotNote = "Quill audition piece";

    private readonly SqliteTestDatabase _db;

    /// <summary>Sets up the services; <paramref name="mapApi"/> false stands for a host that did not map ClassBooking's API.</summary>
    protected PortalTestBase(bool mapApi = true)
        : this(SqliteTestDatabase.Create(), mapApi)
    {
    }

    /// <summary>The fixture on a database of the caller's (e.g. one with a short busy timeout).</summary>
    protected PortalTestBase(SqliteTestDatabase database, bool mapApi = true)
    {
        _db = database;
        ApiRoutes.Register(this, mapApi);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddLogging();
        Services.AddClassBooking(o => o.ClientAddressHashKey = "component-tests-hash-key")
            .AddEntityFrameworkStores(db => db.UseSqlite(_db.ConnectionString), store => store.CreateHostForeignKeys = false);
        Services.AddSingleton<ITeacherDirectory>(Directory);
        Services.AddSingleton<IStudentDirectory>(Directory);
        // The state a prerendered page hands to the interactive render, registered as a host's AddRazorComponents does.
        Services.AddSingleton<Microsoft.AspNetCore.Components.Infrastructure.ComponentStatePersistenceManager>();
        Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.AspNetCore.Components.Infrastructure.ComponentStatePersistenceManager>().State);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    protected FakeTimeProvider Time { get; } = new(Now);

    /// <summary>The fixture's database.</summary>
    protected SqliteTestDatabase Database => _db;

    protected TestDirectory Directory { get; } = new();

    /// <summary>Anna's share token.</summary>
    protected string Token { get; private set; } = "";

    /// <summary>Thursday 9 April 16:00 UTC (18:00 in Berlin): free.</summary>
    protected TimeSlot FreeSlot { get; private set; } = default!;

    /// <summary>Friday 10 April 16:00 UTC: booked by Bob, with a note.</summary>
    protected TimeSlot BobsSlot { get; private set; } = default!;

    /// <summary>Saturday 11 April 10:00 UTC (12:00 in Berlin): booked by Anna, 70 hours ahead (cancellable).</summary>
    protected TimeSlot AnnasSlot { get; private set; } = default!;

    /// <summary>Anna's booking of <see cref="AnnasSlot"/>.</summary>
    protected Booking AnnasBooking { get; private set; } = default!;

    /// <summary>Tuesday 14 April 16:00 UTC: free, next week.</summary>
    protected TimeSlot NextWeekSlot { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Services.MigrateClassBookingAsync();
        await using var scope = Services.CreateAsyncScope();
        var slots = scope.ServiceProvider.GetRequiredService<TimeSlotService>();
        var bookings = scope.ServiceProvider.GetRequiredService<BookingService>();
        FreeSlot = await CreateSlotAsync(slots, new(2026, 4, 9, 16, 0, 0, TimeSpan.Zero), "Bring your scales");
        BobsSlot = await CreateSlotAsync(slots, new(2026, 4, 10, 16, 0, 0, TimeSpan.Zero), BobsSlotNote);
        AnnasSlot = await CreateSlotAsync(slots, new(2026, 4, 11, 10, 0, 0, TimeSpan.Zero), null);
        NextWeekSlot = await CreateSlotAsync(slots, new(2026, 4, 14, 16, 0, 0, TimeSpan.Zero), null);
        Assert.True((await bookings.BookAsync(Teacher, BobId, BobsSlot.Id)).Succeeded);
        AnnasBooking = (await bookings.BookAsync(Teacher, Anna, AnnasSlot.Id)).Value;
        Token = (await scope.ServiceProvider.GetRequiredService<ShareTokenService>().IssueAsync(Teacher, Anna)).Value.Token;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _db.Dispose();
    }

    protected static async Task<TimeSlot> CreateSlotAsync(TimeSlotService slots, DateTimeOffset start, string? note)
    {
        var result = await slots.CreateAsync(Teacher, new SlotDraft(start, start.AddHours(1), Note: note));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    protected async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<Booking?> FindBookingAsync(Guid slotId, string studentId) =>
        WithServiceAsync<BookingService, Booking?>(async b =>
        {
            var mine = await b.GetStudentBookingsAsync(Teacher, studentId);
            return mine.Upcoming.Concat(mine.Past).Where(x => x.SlotId == slotId).OrderByDescending(x => x.CreatedAt).FirstOrDefault();
        });

    /// <summary>Renders the portal for <paramref name="token"/> (Anna's by default) and waits until it has loaded.</summary>
    protected IRenderedComponent<StudentBookingPortal> RenderPortal(string? token = null)
    {
        var cut = Render<StudentBookingPortal>(p => p.Add(x => x.Token, token ?? Token));
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading your booking page", cut.Markup, StringComparison.Ordinal), Wait);
        return cut;
    }

    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The host's teachers and students, in memory: Maria's three students, and another teacher, James (America/New_York),
/// with a student of his own whom Maria's views must never show.
/// </summary>
public sealed class TestDirectory : ITeacherDirectory, IStudentDirectory
{
    public const string OtherTeacher = "teacher-james";
    public const string OtherTeachersStudent = "student-zed";
    public const string OtherTeachersStudentName = "Zed Oyelaran";

    private readonly List<StudentProfile> _students =
    [
        new(Anna, "Anna Lindqvist", "anna@example.test", "Europe/Berlin"),
        new(BobId, BobName, BobEmail, "Europe/London"),
        new("student-carl", "Carl Nilsson", "carl@example.test", null),
    ];

    private readonly List<StudentProfile> _otherStudents =
    [
        new(OtherTeachersStudent, OtherTeachersStudentName, "zed@example.test", "America/New_York"),
    ];

    private const string Anna = "student-anna";
    private const string BobId = "student-bob-7f3a";
    private const string BobName = "Bobbington Quill";
    private const string BobEmail = "bob.quill@private.example";

    public Task<TeacherProfile?> FindTeacherAsync(string teacherId, CancellationToken cancellationToken) => Task.FromResult(teacherId switch
    {
        "teacher-maria" => new TeacherProfile(teacherId, "Maria Keller", "maria@example.test", "Europe/London"),
        OtherTeacher => new TeacherProfile(teacherId, "James Carter", "james@example.test", "America/New_York"),
        _ => null,
    });

    public Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StudentProfile>>(StudentsOf(teacherId));

    public Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
        Task.FromResult(StudentsOf(teacherId).FirstOrDefault(s => s.Id == studentId));

    private List<StudentProfile> StudentsOf(string teacherId) => teacherId switch
    {
        "teacher-maria" => _students,
        OtherTeacher => _otherStudents,
        _ => [],
    };
}
