using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>
/// The calendar feeds over HTTP, on SQLite (and, through the derived class, on PostgreSQL): answers and their headers,
/// 304 by version, what each feed holds and never holds, the teacher's feed address made, replaced and revoked, and
/// the feeds read by ical.js and Python's icalendar.
/// </summary>
public abstract class CalendarFeedTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    protected TFactory App { get; } = app;

    /// <summary>A fresh app of the same kind (its own database and clock), for tests that move the clock.</summary>
    protected abstract Task<OwnApp> NewAppAsync();

    private static string StudentFeed(string token) => $"/api/booking/{token}/calendar.ics";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<(string Text, string ETag)> FeedAsync(HttpClient client, string url)
    {
        using var response = await GetAsync(client, url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return (text, response.Headers.ETag!.ToString());
    }

    /// <summary>A new student of the teacher (Europe/Berlin), their id and their share token.</summary>
    private async Task<(string Id, string Token)> NewStudentAsync(HttpClient teacher, string teacherEmail, string prefix)
    {
        var id = (await App.AddStudentsAsync(teacherEmail, 1, prefix))[0];
        return (id, await teacher.ShareTokenAsync(id));
    }

    [Fact]
    public async Task The_student_feed_answers_a_calendar_with_its_etag_and_304_to_that_etag()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var (_, token) = await NewStudentAsync(maria, Api.Maria, "Etag");
        var booking = await App.CreateClient().BookOkAsync(token, await maria.CreateSlotAsync(App.NextSlotStart()));
        using var calendarApp = App.CreateClient();

        using var first = await GetAsync(calendarApp, StudentFeed(token));
        var text = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType?.CharSet);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal((true, true, false), (first.Headers.CacheControl!.Private, first.Headers.CacheControl.NoCache, first.Headers.CacheControl.NoStore));
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("METHOD:PUBLISH\r\n", text, StringComparison.Ordinal);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-PUBLISHED-TTL:PT1H\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Classes with Maria Keller\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{BookingCalendarUid.For(booking)}\r\n", text, StringComparison.Ordinal);

        using var again = await GetAsync(calendarApp, StudentFeed(token), etag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal("no-referrer", again.Headers.GetValues("Referrer-Policy").Single());

        using var any = await GetAsync(calendarApp, StudentFeed(token), "*");
        Assert.Equal(HttpStatusCode.NotModified, any.StatusCode);
        using var listed = await GetAsync(calendarApp, StudentFeed(token), $"\"other\", {etag}");
        Assert.Equal(HttpStatusCode.NotModified, listed.StatusCode);
        using var stale = await GetAsync(calendarApp, StudentFeed(token), "W/\"stale\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        using var garbage = await GetAsync(calendarApp, StudentFeed(token), "not an entity tag");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
    }

    [Fact]
    public async Task Reading_the_student_feed_is_not_a_use_of_the_booking_link()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var (id, token) = await NewStudentAsync(maria, Api.Maria, "Unlogged");

        await FeedAsync(App.CreateClient(), StudentFeed(token));
        await FeedAsync(App.CreateClient(), StudentFeed(token));

        using var usage = await maria.GetAsync("/api/teacher/analytics/token-usage");
        Assert.DoesNotContain((await usage.ReadJsonAsync()).EnumerateArray(), u => u.GetProperty("studentId").GetString() == id);
        using var calendar = await App.CreateClient().GetAsync($"/api/booking/{token}/calendar");
        using var after = await maria.GetAsync("/api/teacher/analytics/token-usage");
        Assert.Contains((await after.ReadJsonAsync()).EnumerateArray(), u => u.GetProperty("studentId").GetString() == id); // the check can fail
    }

    [Fact]
    public async Task A_booking_and_a_cancellation_each_change_the_student_feeds_etag()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var (_, token) = await NewStudentAsync(maria, Api.Maria, "Versions");
        var slot = await maria.CreateSlotAsync(App.NextSlotStart());
        using var student = App.CreateClient();
        var (_, empty) = await FeedAsync(student, StudentFeed(token));

        var booking = await student.BookOkAsync(token, slot);
        using var afterBooking = await GetAsync(student, StudentFeed(token), empty);
        var booked = afterBooking.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, afterBooking.StatusCode);
        Assert.NotEqual(empty, booked);

        using var cancel = await student.DeleteAsync($"/api/booking/{token}/cancel/{booking}");
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        using var afterCancelling = await GetAsync(student, StudentFeed(token), booked);
        var text = await afterCancelling.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, afterCancelling.StatusCode);
        Assert.NotEqual(booked, afterCancelling.Headers.ETag!.ToString());
        var vevent = Event(text, BookingCalendarUid.For(booking));
        Assert.Contains("STATUS:CANCELLED\r\n", vevent, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1\r\n", vevent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_feed_holds_nothing_of_another_student_of_the_teacher_or_of_another_teachers_student()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        using var james = await App.TeacherAsync(Api.James);
        var (_, anna) = await NewStudentAsync(maria, Api.Maria, "Anna");
        var (_, bert) = await NewStudentAsync(maria, Api.Maria, "Bert");
        var (_, carl) = await NewStudentAsync(james, Api.James, "Carl");
        using var student = App.CreateClient();
        var group = await maria.CreateSlotAsync(App.NextSlotStart(), capacity: 3, note: "Duets");
        var annas = new[] { await student.BookOkAsync(anna, await maria.CreateSlotAsync(App.NextSlotStart())), await student.BookOkAsync(anna, group) };
        var berts = new[] { await student.BookOkAsync(bert, await maria.CreateSlotAsync(App.NextSlotStart())), await student.BookOkAsync(bert, group) };
        var carls = await student.BookOkAsync(carl, await james.CreateSlotAsync(App.NextSlotStart()));

        var (text, _) = await FeedAsync(student, StudentFeed(anna));

        Assert.All(annas, b => Assert.Contains(BookingCalendarUid.For(b), text, StringComparison.Ordinal));
        Assert.All(berts.Append(carls), b => Assert.DoesNotContain(b.ToString("N"), text, StringComparison.Ordinal));
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
        foreach (var other in new[] { "Bert", "bert.", "Carl", "carl.", "James" })
        {
            Assert.DoesNotContain(other, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("ATTENDEE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_booking_shows_as_cancelled_for_30_days_after_its_cancellation_and_then_leaves_the_feed()
    {
        await using var own = await NewAppAsync();
        using var maria = await own.App.TeacherAsync(Api.Maria);
        var id = (await own.App.AddStudentsAsync(Api.Maria, 1, "Thirty"))[0];
        var token = await maria.ShareTokenAsync(id);
        using var student = own.App.CreateClient();
        var kept = await student.BookOkAsync(token, await maria.CreateSlotAsync(ApiAppFactory.Now.AddDays(50)));
        var dropped = await student.BookOkAsync(token, await maria.CreateSlotAsync(ApiAppFactory.Now.AddDays(3)));
        using (var cancel = await student.DeleteAsync($"/api/booking/{token}/cancel/{dropped}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        }

        own.App.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        var (within, _) = await FeedAsync(student, StudentFeed(token));
        own.App.Time.Advance(TimeSpan.FromMinutes(2));
        var (after, _) = await FeedAsync(student, StudentFeed(token));

        Assert.Contains("STATUS:CANCELLED\r\n", Event(within, BookingCalendarUid.For(dropped)), StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED\r\n", Event(within, BookingCalendarUid.For(kept)), StringComparison.Ordinal);
        Assert.DoesNotContain(BookingCalendarUid.For(dropped), after, StringComparison.Ordinal);
        Assert.Contains(BookingCalendarUid.For(kept), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_feed_address_works_until_a_new_one_is_made_and_none_works_after_it_is_revoked()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        using var calendarApp = App.CreateClient(); // no cookie, no bearer: a calendar app has neither

        using var created = await maria.PostAsync("/api/teacher/calendar-feed", null);
        var body = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var first = body.GetProperty("url").GetString()!;
        Assert.Matches("^http://localhost/api/calendar-feed/[A-Za-z0-9_-]{43}/calendar\\.ics$", first);
        Assert.Equal("webcal://" + first["http://".Length..], body.GetProperty("webcalUrl").GetString());
        Assert.Equal(ApiAppFactory.Now, body.GetProperty("createdAt").GetDateTimeOffset());
        var (text, _) = await FeedAsync(calendarApp, first);
        Assert.Contains("X-WR-CALNAME:Teaching schedule of Maria Keller\r\n", text, StringComparison.Ordinal);

        var second = await maria.CalendarFeedUrlAsync();
        using (var old = await calendarApp.GetAsync(first))
        {
            var problem = await old.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
            Assert.Contains("calendar feed address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("no-store", old.Headers.CacheControl?.ToString());
        }

        await FeedAsync(calendarApp, second);

        using (var revoked = await maria.DeleteAsync("/api/teacher/calendar-feed"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using (var dead = await calendarApp.GetAsync(second))
        {
            await dead.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
        }

        using var revokedAgain = await maria.DeleteAsync("/api/teacher/calendar-feed");
        Assert.Equal(HttpStatusCode.NoContent, revokedAgain.StatusCode);
    }

    [Fact]
    public async Task Making_or_revoking_a_feed_address_needs_a_signed_in_teacher()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var url = await maria.CalendarFeedUrlAsync();
        using var anonymous = App.CreateClient();

        using var post = await anonymous.PostAsync("/api/teacher/calendar-feed", null);
        using var delete = await anonymous.DeleteAsync("/api/teacher/calendar-feed");

        await post.AssertProblemAsync(HttpStatusCode.Unauthorized, "not-signed-in");
        await delete.AssertProblemAsync(HttpStatusCode.Unauthorized, "not-signed-in");
        await FeedAsync(anonymous, url); // still Maria's working address
    }

    [Fact]
    public async Task A_teacher_feed_holds_bookings_by_student_open_slots_and_blocks_and_nothing_of_another_teacher()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        using var james = await App.TeacherAsync(Api.James);
        var (_, dora) = await NewStudentAsync(maria, Api.Maria, "Dora");
        var (_, evan) = await NewStudentAsync(james, Api.James, "Evan");
        using var student = App.CreateClient();
        var booked = await student.BookOkAsync(dora, await maria.CreateSlotAsync(App.NextSlotStart(), note: "Sight reading"));
        var open = await maria.CreateSlotAsync(App.NextSlotStart(), capacity: 2);
        var blockStart = App.NextSlotStart();
        var mariaId = (await App.ProfileIdAsync(Api.Maria)).ToString(CultureInfo.InvariantCulture);
        var block = await App.WithServicesAsync(async services =>
            (await services.GetRequiredService<BlockedPeriodService>().CreateAsync(mariaId, blockStart, blockStart.AddHours(1), "Choir rehearsal")).Value);
        var jamesBooking = await student.BookOkAsync(evan, await james.CreateSlotAsync(App.NextSlotStart()));
        var jamesOpen = await james.CreateSlotAsync(App.NextSlotStart());
        var mariasFeed = await maria.CalendarFeedUrlAsync();
        var jamessFeed = await james.CalendarFeedUrlAsync();

        var (text, etag) = await FeedAsync(App.CreateClient(), mariasFeed);
        var (jamesText, _) = await FeedAsync(App.CreateClient(), jamessFeed);

        var bookingEvent = Event(text, BookingCalendarUid.For(booked));
        Assert.Contains("SUMMARY:Class with Dora Student 1\r\n", bookingEvent, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Sight reading\r\n", bookingEvent, StringComparison.Ordinal);
        var openEvent = Event(text, BookingCalendarUid.ForOpenSlot(open));
        Assert.Contains("SUMMARY:Open: 2 seats\r\n", openEvent, StringComparison.Ordinal);
        Assert.Contains("STATUS:TENTATIVE\r\n", openEvent, StringComparison.Ordinal);
        var blockEvent = Event(text, BookingCalendarUid.ForBlockedPeriod(block.Id));
        Assert.Contains("SUMMARY:Choir rehearsal\r\n", blockEvent, StringComparison.Ordinal);
        Assert.Contains("TRANSP:OPAQUE\r\n", blockEvent, StringComparison.Ordinal);
        Assert.DoesNotContain(jamesBooking.ToString("N"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(jamesOpen.ToString("N"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Evan", text, StringComparison.Ordinal);
        Assert.Contains(BookingCalendarUid.For(jamesBooking), jamesText, StringComparison.Ordinal);
        Assert.DoesNotContain(booked.ToString("N"), jamesText, StringComparison.Ordinal);
        Assert.DoesNotContain("Choir", jamesText, StringComparison.Ordinal);

        // James revoking his address leaves Maria's working; a booking changes her feed's version.
        using (var revoked = await james.DeleteAsync("/api/teacher/calendar-feed"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var unchanged = await GetAsync(App.CreateClient(), mariasFeed, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        var seat = await student.BookOkAsync(dora, open);
        using var changed = await GetAsync(App.CreateClient(), mariasFeed, etag);
        var after = await changed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(BookingCalendarUid.For(seat), after, StringComparison.Ordinal);
        Assert.DoesNotContain(BookingCalendarUid.ForOpenSlot(open), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_parsers_read_the_feeds_at_the_classs_instants_with_the_uid_and_sequence_of_its_invitations()
    {
        using var maria = await App.TeacherAsync(Api.Maria);
        var (_, token) = await NewStudentAsync(maria, Api.Maria, "Parsed");
        using var student = App.CreateClient();
        var start = App.NextSlotStart();
        var kept = await student.BookOkAsync(token, await maria.CreateSlotAsync(start, minutes: 45));
        var dropped = await student.BookOkAsync(token, await maria.CreateSlotAsync(App.NextSlotStart()));
        using (var cancel = await student.DeleteAsync($"/api/booking/{token}/cancel/{dropped}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        }

        var (studentFeed, _) = await FeedAsync(student, StudentFeed(token));
        var (teacherFeed, _) = await FeedAsync(student, await maria.CalendarFeedUrlAsync());

        // The invitations the outbox rows of the two bookings describe, written as the e-mails write them.
        var invitations = new List<string>();
        foreach (var booking in new[] { kept, dropped })
        {
            var last = (await App.WithServicesAsync(s => s.GetRequiredService<IClassBookingStore>().ReadAsync((session, ct) => session.GetBookingNotificationsAsync(booking, ct))))
                .Where(n => n.Kind is BookingEmailKind.BookingConfirmed or BookingEmailKind.BookingCancelled)
                .MaxBy(n => n.Sequence)!; // the clock stands still: rows of one instant, told apart by their sequence
            invitations.Add(BookingInvitationWriter.Write(new BookedClassEvent
            {
                BookingId = last.BookingId,
                StartsAt = last.StartsAt,
                EndsAt = last.EndsAt,
                Summary = "Class with Maria Keller",
                Organizer = new CalendarParticipant("Maria Keller", Api.Maria),
                Attendee = new CalendarParticipant("Parsed Student 1", "parsed.student1@example.com"),
                Sequence = last.Sequence,
                Status = last.Kind == BookingEmailKind.BookingCancelled ? CalendarEventStatus.Cancelled : CalendarEventStatus.Confirmed,
            }, "Europe/Berlin", last.CreatedAt).Text);
        }

        foreach (var read in new Func<string, ParsedCalendar>[] { ThirdPartyParsers.ReadWithIcalJs, ThirdPartyParsers.ReadWithPythonIcalendar })
        {
            var mine = read(studentFeed);
            Assert.Equal("PUBLISH", mine.Method);
            var invited = invitations.Select(i => read(i).Events.Single()).ToList();
            Assert.Equal(invited.Select(e => (e.Uid, e.Sequence, e.Status, e.Start, e.End)), mine.Events.Select(e => (e.Uid, e.Sequence, e.Status, e.Start, e.End)));
            var parsed = mine.Events[0];
            Assert.Equal((BookingCalendarUid.For(kept), 0, "CONFIRMED"), (parsed.Uid, parsed.Sequence, parsed.Status));
            Assert.Equal((Iso(start), Iso(start.AddMinutes(45))), (parsed.Start, parsed.End));
            Assert.Equal((Iso(start), Iso(start.AddMinutes(45))), (parsed.StartByVtimezone, parsed.EndByVtimezone));
            Assert.Equal("Europe/Berlin", parsed.StartZone); // the student's zone, read through the feed's VTIMEZONE
            Assert.Equal((BookingCalendarUid.For(dropped), 1, "CANCELLED"), (mine.Events[1].Uid, mine.Events[1].Sequence, mine.Events[1].Status));

            var teachers = read(teacherFeed).Events.Single(e => e.Uid == BookingCalendarUid.For(kept));
            Assert.Equal((Iso(start), Iso(start.AddMinutes(45)), "Europe/Berlin"), (teachers.StartByVtimezone, teachers.EndByVtimezone, teachers.StartZone));
        }
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The unfolded VEVENT with this UID.</summary>
    private static string Event(string text, string uid)
    {
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        var events = unfolded.Split("BEGIN:VEVENT\r\n").Skip(1).Select(e => e[..(e.IndexOf("END:VEVENT", StringComparison.Ordinal))]);
        return Assert.Single(events, e => e.Contains($"UID:{uid}\r\n", StringComparison.Ordinal));
    }
}

/// <summary>An app of its own for one test, disposed (and its database dropped) with it.</summary>
public sealed class OwnApp(ApiAppFactory app, Func<Task> dispose) : IAsyncDisposable
{
    public ApiAppFactory App { get; } = app;

    public async ValueTask DisposeAsync() => await dispose();
}

public sealed class CalendarFeedTests(ApiAppFactory app) : CalendarFeedTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>
{
    protected override Task<OwnApp> NewAppAsync()
    {
        var own = new ApiAppFactory();
        return Task.FromResult(new OwnApp(own, () => own.DisposeAsync().AsTask()));
    }
}

public sealed class PostgresCalendarFeedTests(PostgresApiAppFactory app) : CalendarFeedTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>
{
    protected override async Task<OwnApp> NewAppAsync()
    {
        var own = new PostgresApiAppFactory();
        await own.InitializeAsync();
        return new OwnApp(own, () => ((IAsyncLifetime)own).DisposeAsync());
    }
}

/// <summary>The feeds are limited as the student routes are: per token, and failed look-ups per client address.</summary>
public sealed class CalendarFeedRateLimitTests
{
    [Fact]
    public async Task A_feed_over_its_tokens_limit_gets_429_with_retry_after()
    {
        await using var app = new RateLimitedApiAppFactory();
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        var teacherFeed = await maria.CalendarFeedUrlAsync();
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var ok = await client.GetAsync($"/api/booking/{token}/calendar.ics");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var teachers = await client.GetAsync(teacherFeed);
            Assert.Equal(HttpStatusCode.OK, teachers.StatusCode);
        }

        using var limited = await client.GetAsync($"/api/booking/{token}/calendar.ics");
        using var teacherLimited = await client.GetAsync(teacherFeed);

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        await teacherLimited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(teacherLimited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("no-store", teacherLimited.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Guessed_teacher_feed_addresses_count_as_failed_lookups_while_a_valid_address_still_works()
    {
        await using var app = new RateLimitedApiAppFactory();
        using var maria = await app.TeacherAsync(Api.Maria);
        var valid = await maria.CalendarFeedUrlAsync();
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var miss = await client.GetAsync($"/api/calendar-feed/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics");
            await miss.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
        }

        using var blocked = await client.GetAsync("/api/calendar-feed/guess9AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics");
        using var studentRoute = await client.GetAsync("/api/booking/guessXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar");
        using var works = await client.GetAsync(valid);

        await blocked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        await studentRoute.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited"); // one count for both kinds of link
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
    }
}
