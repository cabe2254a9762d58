using ClassBooking.AspNetCore.Tests.GeneratedClient;
using ClassBooking.AspNetCore.Tests.GeneratedClient.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>
/// The Kiota client in GeneratedClient/, made from the committed OpenAPI document, works against the API as it is:
/// every call below goes through the generated client only (requests built, answers and errors read by it), on
/// SQLite and, through the derived class, on PostgreSQL.
/// </summary>
public abstract class GeneratedClientTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    protected TFactory App { get; } = app;

    [Fact]
    public async Task A_teacher_creates_lists_and_plans_slots_and_shares_a_link_through_the_generated_client()
    {
        var (maria, http) = await TeacherClientAsync(Api.Maria);
        using var _ = http;
        var start = App.NextSlotStart();

        var priced = await maria.Api.Timeslots.PostAsync(new SlotRequest
        {
            StartsAt = start, EndsAt = start.AddMinutes(45), Capacity = 2, Price = 32.5, Note = "Bring the Czerny book",
        });
        Assert.NotNull(priced);
        Assert.Equal((start, start.AddMinutes(45), 2, 2, 32.5, "Bring the Czerny book"),
            (priced.StartsAt, priced.EndsAt, priced.Capacity, priced.SeatsLeft, priced.Price, priced.Note));
        Assert.Null(priced.SeriesId);

        var later = App.NextSlotStart();
        var plain = await maria.Api.Timeslots.PostAsync(new SlotRequest { StartsAt = later, EndsAt = later.AddHours(1) });
        Assert.NotNull(plain);
        Assert.Equal((1, (double?)null, (string?)null), (plain.Capacity, plain.Price, plain.Note));

        var listed = await maria.Api.Timeslots.GetAsync(r =>
        {
            r.QueryParameters.From = Query(start.AddHours(-1));
            r.QueryParameters.To = Query(later.AddHours(2));
        });
        Assert.NotNull(listed);
        Assert.Equal([priced.Id, plain.Id], listed.Select(s => s.Id));
        var listedPlain = listed.Single(s => s.Id == plain.Id);
        Assert.Equal(((double?)null, (string?)null, 0), (listedPlain.Price, listedPlain.Note, listedPlain.Bookings?.Count));
        Assert.Equal(32.5, listed.Single(s => s.Id == priced.Id).Price);

        // Tuesdays and Thursdays 18:00 in Berlin (16:00 UTC in summer) for two weeks from Monday 1 June.
        var series = new BulkCreateRequest
        {
            Weekdays = [Weekday.Tuesday, Weekday.Thursday], LocalStartTime = "18:00", DurationMinutes = 50, Weeks = 2,
            FirstDate = new Date(2026, 6, 1), Price = 40, Note = "Series", Preview = true,
        };
        var preview = await maria.Api.Timeslots.BulkCreate.PostAsync(series);
        Assert.NotNull(preview);
        Assert.Empty(preview.Conflicts ?? throw new InvalidOperationException("The preview has no conflicts list."));
        Assert.Equal(
            [new Date(2026, 6, 2), new Date(2026, 6, 4), new Date(2026, 6, 9), new Date(2026, 6, 11)],
            (preview.ToCreate ?? []).Select(o => o.LocalDate));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 16, 0, 0, TimeSpan.Zero), preview.ToCreate![0].StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 16, 50, 0, TimeSpan.Zero), preview.ToCreate[0].EndsAt);
        Assert.Empty(await SlotsAsync(maria, "2026-06-01", "2026-06-15"));

        // The 201 answer of a real create has another schema, which Kiota does not model (it keeps the schema of
        // the lowest success status, the preview's), so the series is read back through the generated list call.
        series.Preview = false;
        await maria.Api.Timeslots.BulkCreate.PostAsync(series);
        var created = await SlotsAsync(maria, "2026-06-01", "2026-06-15");
        Assert.Equal(preview.ToCreate.Select(o => o.StartsAt), created.Select(s => s.StartsAt));
        Assert.All(created, s => Assert.Equal((40.0, "Series", 50.0), (s.Price, s.Note, (s.EndsAt!.Value - s.StartsAt!.Value).TotalMinutes)));
        Assert.Single(created.Select(s => s.SeriesId).Distinct());
        Assert.NotNull(created[0].SeriesId);

        var students = await maria.Api.Teacher.Students.GetAsync();
        Assert.NotNull(students);
        var jonas = students.Single(s => s.DisplayName == "Jonas Weber");
        Assert.False(string.IsNullOrEmpty(jonas.Id));
        Assert.False(string.IsNullOrEmpty(jonas.ColourKey));
        Assert.NotNull(jonas.ColourChosen);

        var link = await maria.Api.Teacher.Students[jonas.Id].ShareLink.PostAsync();
        Assert.NotNull(link);
        Assert.False(string.IsNullOrEmpty(link.Token));
        Assert.EndsWith(link.Token, link.Url, StringComparison.Ordinal);
        Assert.True(link.ExpiresAt > ApiAppFactory.Now);
        var withLink = (await maria.Api.Teacher.Students.GetAsync())!.Single(s => s.Id == jonas.Id);
        Assert.True(withLink.HasLink);
    }

    [Fact]
    public async Task A_student_reads_the_week_books_and_cancels_through_the_generated_client()
    {
        var (maria, http) = await TeacherClientAsync(Api.Maria);
        using var _ = http;
        var start = App.NextSlotStart();
        var slot = await maria.Api.Timeslots.PostAsync(new SlotRequest { StartsAt = start, EndsAt = start.AddHours(1), Price = 25, Note = "Scales" });
        var lena = (await maria.Api.Teacher.Students.GetAsync())!.Single(s => s.DisplayName == "Lena Fischer");
        var token = (await maria.Api.Teacher.Students[lena.Id!].ShareLink.PostAsync())!.Token!;

        using var studentHttp = App.CreateClient();
        var student = Client(studentHttp, new AnonymousAuthenticationProvider()).Api.Booking[token];

        var week = await student.Calendar.GetAsync(r =>
        {
            r.QueryParameters.WeekOf = new Date(start.Date);
            r.QueryParameters.TimeZone = "America/New_York";
        });
        Assert.NotNull(week);
        Assert.Equal((new Date(2026, 4, 6), "America/New_York"), (week.WeekStart, week.TimeZone));
        Assert.Equal(("Maria Keller", "Europe/Berlin"), (week.Teacher?.DisplayName, week.Teacher?.TimeZone));
        Assert.Equal(1440, week.Policy?.CancellationWindowMinutes);
        var entry = week.Slots!.Single(s => s.Id == slot!.Id);
        Assert.Equal((StudentSlotStatus.Available, 25.0, "Scales", (Guid?)null), (entry.Status, entry.Price, entry.Note, entry.BookingId));

        var booking = await student.Book.PostAsync(new BookRequest { SlotId = slot!.Id }, r => r.Headers.Add("Idempotency-Key", "generated-client-1"));
        var retried = await student.Book.PostAsync(new BookRequest { SlotId = slot.Id }, r => r.Headers.Add("Idempotency-Key", "generated-client-1"));
        Assert.NotNull(booking);
        Assert.Equal(booking.Id, retried?.Id);
        Assert.Equal((slot.Id, start, BookingStatus.Confirmed, (DateTimeOffset?)null), (booking.SlotId, booking.StartsAt, booking.Status, booking.CancelledAt));

        var mine = await student.MyBookings.GetAsync();
        var upcoming = Assert.Single(mine!.Upcoming!, b => b.Id == booking.Id);
        Assert.Equal((BookingStatus.Confirmed, (DateTimeOffset?)null), (upcoming.Status, upcoming.CancelledAt));
        Assert.DoesNotContain(mine.Past!, b => b.Id == booking.Id);

        await student.Cancel[booking.Id!.Value.ToString()].DeleteAsync();

        var after = await student.MyBookings.GetAsync();
        Assert.DoesNotContain(after!.Upcoming!, b => b.Id == booking.Id);
        var cancelled = Assert.Single(after.Past!, b => b.Id == booking.Id);
        Assert.Equal((BookingStatus.Cancelled, App.Time.GetUtcNow()), (cancelled.Status, cancelled.CancelledAt));
        var seatFree = (await student.Calendar.GetAsync(r => r.QueryParameters.WeekOf = new Date(start.Date)))!.Slots!.Single(s => s.Id == slot.Id);
        Assert.Equal(StudentSlotStatus.Available, seatFree.Status);
    }

    [Fact]
    public async Task Refusals_reach_the_generated_client_as_its_problem_details_error_with_status_and_code()
    {
        var (maria, http) = await TeacherClientAsync(Api.Maria);
        using var _ = http;
        var start = App.NextSlotStart();
        var slot = await maria.Api.Timeslots.PostAsync(new SlotRequest { StartsAt = start, EndsAt = start.AddHours(1), Capacity = 1 });
        var students = (await maria.Api.Teacher.Students.GetAsync())!;
        var lena = (await maria.Api.Teacher.Students[students.Single(s => s.DisplayName == "Lena Fischer").Id!].ShareLink.PostAsync())!.Token!;
        var jonas = (await maria.Api.Teacher.Students[students.Single(s => s.DisplayName == "Jonas Weber").Id!].ShareLink.PostAsync())!.Token!;

        using var studentHttp = App.CreateClient();
        var booking = Client(studentHttp, new AnonymousAuthenticationProvider()).Api.Booking;
        await booking[lena].Book.PostAsync(new BookRequest { SlotId = slot!.Id });

        var full = await Assert.ThrowsAsync<ProblemDetails>(() => booking[jonas].Book.PostAsync(new BookRequest { SlotId = slot.Id }));
        Assert.Equal((409, 409, "slot-full"), (full.ResponseStatusCode, full.Status, full.Code));
        Assert.False(string.IsNullOrEmpty(full.Title));

        var unknown = await Assert.ThrowsAsync<ProblemDetails>(() => booking["no-such-token"].MyBookings.GetAsync());
        Assert.Equal((404, 404, "invalid-token"), (unknown.ResponseStatusCode, unknown.Status, unknown.Code));
        Assert.False(string.IsNullOrEmpty(unknown.Title));
    }

    private async Task<(ClassBookingClient Client, HttpClient Http)> TeacherClientAsync(string email)
    {
        var token = await App.BearerTokenAsync(email);
        var http = App.CreateClient();
        return (Client(http, new BaseBearerTokenAuthenticationProvider(new FixedToken(token))), http);
    }

    private static ClassBookingClient Client(HttpClient http, IAuthenticationProvider authentication) =>
        new(new HttpClientRequestAdapter(authentication, httpClient: http));

    private static async Task<List<SlotResponse>> SlotsAsync(ClassBookingClient client, string from, string to) =>
        await client.Api.Timeslots.GetAsync(r =>
        {
            r.QueryParameters.From = from;
            r.QueryParameters.To = to;
        }) ?? throw new InvalidOperationException("The slot list was empty.");

    private static string Query(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The teacher's bearer token from /identity/login, for the in-memory server's host only.</summary>
    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["localhost"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
    }
}

public sealed class GeneratedClientTests(ApiAppFactory app) : GeneratedClientTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>;

public sealed class PostgresGeneratedClientTests(PostgresApiAppFactory app) : GeneratedClientTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>;
