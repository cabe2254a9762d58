using System.Globalization;
using ClassBooking.Core.Services;
using ClassLogger.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

/// <summary>The dashboard's header shows the signed-in teacher's bell, prerendered with her own unread count.</summary>
public sealed class NotificationBellTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    private async Task<string> IdOfAsync(string email) => (await app.ProfileIdAsync(email)).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_teacher_sees_a_bell_with_her_own_unread_count_and_an_account_without_a_teacher_profile_none()
    {
        // Lena books one of Maria's classes through her link (as the portal does).
        var maria = await IdOfAsync(DemoAccounts.MariaEmail);
        var lena = await IdOfAsync("lena.fischer@example.com");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var startsAt = new DateTimeOffset(2026, 4, 9, 8, 0, 0, TimeSpan.Zero); // Thursday 10:00 in Berlin
            var slot = await scope.ServiceProvider.GetRequiredService<TimeSlotService>().CreateAsync(maria, new SlotDraft(startsAt, startsAt.AddHours(1)));
            Assert.True(slot.Succeeded, slot.Error?.Message);
            var booked = await scope.ServiceProvider.GetRequiredService<BookingService>().BookAsync(maria, lena, slot.Value.Id);
            Assert.True(booked.Succeeded, booked.Error?.Message);
        }

        using var mariasClient = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);
        using var jamesClient = await Browser.SignInAsync(app, DemoAccounts.JamesEmail, DemoAccounts.Password);
        var mariasPage = await mariasClient.GetStringAsync("/students");
        var jamesPage = await jamesClient.GetStringAsync("/students");

        Assert.Contains("aria-label=\"Notifications, 1 unread\"", mariasPage, StringComparison.Ordinal);
        Assert.Contains("class=\"cb-bell__badge\"", mariasPage, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Notifications, none unread\"", jamesPage, StringComparison.Ordinal);
        Assert.DoesNotContain("cb-bell__badge", jamesPage, StringComparison.Ordinal);

        const string email = "bell.no.profile@classlogger.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>()
                .CreateAsync(new IdentityUser { UserName = email, Email = email }, DemoAccounts.Password);
            Assert.True(created.Succeeded);
        }

        using var otherClient = await Browser.SignInAsync(app, email, DemoAccounts.Password);
        Assert.DoesNotContain("cb-bell", await otherClient.GetStringAsync("/students"), StringComparison.Ordinal);
    }
}
