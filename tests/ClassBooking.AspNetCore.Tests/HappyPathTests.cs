using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClassBooking.Core.Services;
using ClassBooking.Core.Students;
using ClassBooking.Core.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Every route's success path, on SQLite (and, through the derived class, on PostgreSQL).</summary>
public abstract class HappyPathTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    protected TFactory App { get; } = app;

    [Fact]
    public async Task Teacher_creates_lists_updates_and_deletes_a_slot()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var start = App.NextSlotStart();

        using var created = await maria.PostAsJsonAsync("/api/timeslots", new { startsAt = start, endsAt = start.AddMinutes(45), capacity = 2, price = 30m, note = "Bring the Czerny book" });
        var slot = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = slot.GetProperty("id").GetGuid();
        Assert.Equal(start, slot.GetProperty("startsAt").GetDateTimeOffset());
        Assert.EndsWith("+00:00", slot.GetProperty("startsAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, slot.GetProperty("capacity").GetInt32());
        Assert.Equal(2, slot.GetProperty("seatsLeft").GetInt32());

        using var list = await maria.GetAsync($"/api/timeslots?from={start.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={start.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}");
        var listed = (await list.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(id, Assert.Single(listed).GetProperty("id").GetGuid());

        using var updated = await maria.PutAsJsonAsync($"/api/timeslots/{id}", new { startsAt = start.AddMinutes(30), endsAt = start.AddMinutes(75), capacity = 3, note = "Moved" });
        var changed = await updated.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(start.AddMinutes(30), changed.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("Moved", changed.GetProperty("note").GetString());
        Assert.Equal(3, changed.GetProperty("capacity").GetInt32());

        using var deleted = await maria.DeleteAsync($"/api/timeslots/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var after = await maria.GetAsync($"/api/timeslots?from={start.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={start.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.Empty((await after.ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Student_reads_the_calendar_books_lists_and_cancels()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var start = App.NextSlotStart();
        var slotId = await maria.CreateSlotAsync(start, note: "Scales");
        var lena = await maria.StudentIdAsync("Lena Fischer");
        var token = await maria.ShareTokenAsync(lena);
        using var student = App.CreateClient();

        using var calendar = await student.GetAsync($"/api/booking/{token}/calendar?weekOf={start:yyyy-MM-dd}");
        var week = await calendar.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal("Maria Keller", week.GetProperty("teacher").GetProperty("displayName").GetString());
        Assert.Equal("Europe/Berlin", week.GetProperty("teacher").GetProperty("timeZone").GetString());
        Assert.Equal(1440, week.GetProperty("policy").GetProperty("cancellationWindowMinutes").GetInt32());
        var entry = week.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slotId);
        Assert.Equal("available", entry.GetProperty("status").GetString());
        Assert.Equal("Scales", entry.GetProperty("note").GetString());

        var bookingId = await student.BookOkAsync(token, slotId);

        using var again = await student.GetAsync($"/api/booking/{token}/calendar?weekOf={start:yyyy-MM-dd}");
        var booked = (await again.ReadJsonAsync()).GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slotId);
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        Assert.Equal(bookingId, booked.GetProperty("bookingId").GetGuid());

        using var mine = await student.GetAsync($"/api/booking/{token}/my-bookings");
        var bookings = await mine.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var upcoming = Assert.Single(bookings.GetProperty("upcoming").EnumerateArray(), b => b.GetProperty("id").GetGuid() == bookingId);
        Assert.Equal("confirmed", upcoming.GetProperty("status").GetString());

        using var cancelled = await student.DeleteAsync($"/api/booking/{token}/cancel/{bookingId}");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        using var later = await student.GetAsync($"/api/booking/{token}/my-bookings");
        var afterCancel = await later.ReadJsonAsync();
        Assert.DoesNotContain(afterCancel.GetProperty("upcoming").EnumerateArray(), b => b.GetProperty("id").GetGuid() == bookingId);
        Assert.Equal("cancelled", afterCancel.GetProperty("past").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == bookingId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Share_link_url_regenerate_students_and_token_usage()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var jonas = await maria.StudentIdAsync("Jonas Weber");

        using var created = await maria.PostAsync($"/api/teacher/students/{jonas}/share-link", null);
        var link = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = link.GetProperty("token").GetString()!;
        Assert.Equal($"http://localhost/book/{TeacherSlug.From("Maria Keller")}/{token}", link.GetProperty("url").GetString());
        Assert.Equal("http://localhost/book/maria-keller/" + token, link.GetProperty("url").GetString());
        Assert.Equal(ApiAppFactory.Now.AddDays(180), link.GetProperty("expiresAt").GetDateTimeOffset());

        var students = await maria.StudentsAsync();
        var row = students.Single(s => s.GetProperty("id").GetString() == jonas);
        Assert.True(row.GetProperty("hasLink").GetBoolean());
        Assert.Matches("^#[0-9a-f]{6}$", row.GetProperty("colour").GetString());
        Assert.Equal("jonas.weber@example.com", row.GetProperty("email").GetString());
        Assert.DoesNotContain(students, s => s.GetProperty("displayName").GetString() == "Ethan Brooks");

        using var student = App.CreateClient();
        using (var used = await student.GetAsync($"/api/booking/{token}/calendar"))
        {
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        }

        using var regenerated = await maria.PutAsync($"/api/teacher/students/{jonas}/regenerate-token", null);
        var fresh = await regenerated.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        var newToken = fresh.GetProperty("token").GetString()!;
        Assert.NotEqual(token, newToken);

        using var old = await student.GetAsync($"/api/booking/{token}/calendar");
        await old.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
        using var works = await student.GetAsync($"/api/booking/{newToken}/my-bookings");
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);

        using var usage = await maria.GetAsync("/api/teacher/analytics/token-usage?from=2026-04-01&to=2026-04-30");
        var uses = await usage.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, usage.StatusCode);
        var jonasUse = uses.EnumerateArray().Single(u => u.GetProperty("studentId").GetString() == jonas);
        Assert.True(jonasUse.GetProperty("uses").GetInt32() >= 2);
        Assert.Equal(ApiAppFactory.Now, jonasUse.GetProperty("lastUsedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_students_list_returns_the_colour_the_teacher_chose_and_only_to_that_teacher()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        using var james = await App.TeacherAsync(Api.James);
        var sofia = await maria.StudentIdAsync("Sofia Alvarez"); // a student of both teachers
        var derived = StudentColors.DefaultFor(sofia);
        var chosen = StudentColors.Named.First(c => c.Key != derived.Key);
        var before = (await maria.StudentsAsync()).Single(s => s.GetProperty("id").GetString() == sofia);
        Assert.Equal((derived.Pair.Text, derived.Key, derived.Pair.Background, false),
            (before.GetProperty("colour").GetString(), before.GetProperty("colourKey").GetString(), before.GetProperty("colourBackground").GetString(), before.GetProperty("colourChosen").GetBoolean()));

        var mariaId = (await App.ProfileIdAsync(Api.Maria)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var set = await App.WithServicesAsync(s => s.GetRequiredService<StudentColorService>().SetColorAsync(mariaId, sofia, chosen.Key));
        Assert.True(set.Succeeded, set.Error?.Message);

        var after = (await maria.StudentsAsync()).Single(s => s.GetProperty("id").GetString() == sofia);
        Assert.Equal((chosen.Pair.Text, chosen.Key, chosen.Pair.Background, true),
            (after.GetProperty("colour").GetString(), after.GetProperty("colourKey").GetString(), after.GetProperty("colourBackground").GetString(), after.GetProperty("colourChosen").GetBoolean()));
        var jamess = (await james.StudentsAsync()).Single(s => s.GetProperty("id").GetString() == sofia);
        Assert.Equal((derived.Key, false), (jamess.GetProperty("colourKey").GetString(), jamess.GetProperty("colourChosen").GetBoolean()));
    }

    [Fact]
    public async Task Bulk_create_previews_without_writing_then_creates_and_reports_skipped()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        // Sundays 07:00 Berlin for three weeks from 3 May; one of them is taken already.
        var taken = await maria.CreateSlotAsync(new DateTimeOffset(2026, 5, 10, 5, 0, 0, TimeSpan.Zero));
        var request = new { weekdays = new[] { "sunday" }, localStartTime = "07:00", durationMinutes = 60, weeks = 3, firstDate = "2026-05-03", preview = true };

        using var preview = await maria.PostAsJsonAsync("/api/timeslots/bulk-create", request);
        var planned = await preview.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(2, planned.GetProperty("toCreate").GetArrayLength());
        var conflict = Assert.Single(planned.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("overlaps", conflict.GetProperty("code").GetString());
        Assert.Equal(taken, conflict.GetProperty("conflicts")[0].GetProperty("withId").GetGuid());
        using (var none = await maria.GetAsync("/api/timeslots?from=2026-05-02&to=2026-05-25"))
        {
            Assert.Single((await none.ReadJsonAsync()).EnumerateArray());
        }

        using var create = await maria.PostAsJsonAsync("/api/timeslots/bulk-create", request with { preview = false });
        var result = await create.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(2, result.GetProperty("created").GetArrayLength());
        Assert.Equal(new DateOnly(2026, 5, 10), DateOnly.Parse(Assert.Single(result.GetProperty("skipped").EnumerateArray()).GetProperty("localDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 5, 0, 0, TimeSpan.Zero), result.GetProperty("created")[0].GetProperty("startsAt").GetDateTimeOffset());
        using var all = await maria.GetAsync("/api/timeslots?from=2026-05-02&to=2026-05-25");
        Assert.Equal(3, (await all.ReadJsonAsync()).GetArrayLength());
    }
}

public sealed class HappyPathTests(ApiAppFactory app) : HappyPathTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>;

public sealed class PostgresHappyPathTests(PostgresApiAppFactory app) : HappyPathTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>;
