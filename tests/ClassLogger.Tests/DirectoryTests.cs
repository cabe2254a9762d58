using System.Globalization;
using System.Security.Claims;
using ClassBooking.Core.Hosting;
using ClassLogger.Booking;
using ClassLogger.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

public sealed class DirectoryTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    private static string Id(int profileId) => profileId.ToString(CultureInfo.InvariantCulture);

    private async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task The_student_directory_lists_a_teachers_actively_enrolled_students_only()
    {
        var maria = Id(await app.ProfileIdAsync(DemoAccounts.MariaEmail));
        var james = Id(await app.ProfileIdAsync(DemoAccounts.JamesEmail));

        var mariasStudents = await WithServiceAsync<IStudentDirectory, IReadOnlyList<StudentProfile>>(d => d.GetStudentsAsync(maria, default));
        var jamessStudents = await WithServiceAsync<IStudentDirectory, IReadOnlyList<StudentProfile>>(d => d.GetStudentsAsync(james, default));

        Assert.Equal(Expected.MariasStudents, mariasStudents.Select(s => s.DisplayName));
        Assert.Equal(Expected.JamessStudents, jamessStudents.Select(s => s.DisplayName));
        Assert.Equal(mariasStudents.Count, mariasStudents.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Students_carry_their_profile_id_email_and_time_zone()
    {
        var maria = Id(await app.ProfileIdAsync(DemoAccounts.MariaEmail));
        var amelie = Id(await app.ProfileIdAsync("amelie.schneider@example.com"));

        var students = await WithServiceAsync<IStudentDirectory, IReadOnlyList<StudentProfile>>(d => d.GetStudentsAsync(maria, default));
        var found = await WithServiceAsync<IStudentDirectory, StudentProfile?>(d => d.FindStudentAsync(maria, amelie, default));

        var expected = new StudentProfile(amelie, "Amelie Schneider", "amelie.schneider@example.com", "Europe/Vienna");
        Assert.Contains(expected, students);
        Assert.Equal(expected, found);
        Assert.Equal("America/New_York", students.Single(s => s.DisplayName == "Hannah Kim").TimeZoneId);
    }

    [Theory]
    [InlineData(DemoAccounts.MariaEmail, "ethan.brooks@example.com")] // James's student
    [InlineData(DemoAccounts.MariaEmail, "felix.wagner@example.com")] // Maria's former student
    [InlineData(DemoAccounts.JamesEmail, "harper.lewis@example.com")] // James's former student
    [InlineData(DemoAccounts.MariaEmail, DemoAccounts.JamesEmail)] // a teacher, not a student
    public async Task Finding_a_student_who_is_not_the_teachers_active_student_gives_null(string teacherEmail, string studentEmail)
    {
        var teacher = Id(await app.ProfileIdAsync(teacherEmail));
        var student = Id(await app.ProfileIdAsync(studentEmail));

        var found = await WithServiceAsync<IStudentDirectory, StudentProfile?>(d => d.FindStudentAsync(teacher, student, default));

        Assert.Null(found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData(" 1")]
    public async Task Unknown_or_malformed_ids_give_nothing(string id)
    {
        var maria = Id(await app.ProfileIdAsync(DemoAccounts.MariaEmail));

        var students = await WithServiceAsync<IStudentDirectory, IReadOnlyList<StudentProfile>>(d => d.GetStudentsAsync(id, default));
        var student = await WithServiceAsync<IStudentDirectory, StudentProfile?>(d => d.FindStudentAsync(maria, id, default));
        var teacher = await WithServiceAsync<ITeacherDirectory, TeacherProfile?>(d => d.FindTeacherAsync(id, default));

        Assert.Empty(students);
        Assert.Null(student);
        Assert.Null(teacher);
    }

    [Fact]
    public async Task The_teacher_directory_gives_names_emails_and_time_zones()
    {
        var maria = Id(await app.ProfileIdAsync(DemoAccounts.MariaEmail));
        var james = Id(await app.ProfileIdAsync(DemoAccounts.JamesEmail));
        var lena = Id(await app.ProfileIdAsync("lena.fischer@example.com"));

        Assert.Equal(
            new TeacherProfile(maria, "Maria Keller", DemoAccounts.MariaEmail, "Europe/Berlin"),
            await WithServiceAsync<ITeacherDirectory, TeacherProfile?>(d => d.FindTeacherAsync(maria, default)));
        Assert.Equal(
            new TeacherProfile(james, "James Carter", DemoAccounts.JamesEmail, "America/New_York"),
            await WithServiceAsync<ITeacherDirectory, TeacherProfile?>(d => d.FindTeacherAsync(james, default)));
        Assert.Null(await WithServiceAsync<ITeacherDirectory, TeacherProfile?>(d => d.FindTeacherAsync(lena, default)));
    }

    [Fact]
    public async Task The_current_teacher_is_the_profile_linked_to_the_signed_in_user()
    {
        var maria = await app.ProfileIdAsync(DemoAccounts.MariaEmail);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>();
        var current = scope.ServiceProvider.GetRequiredService<CurrentTeacher>();
        var principal = await claims.CreateAsync((await users.FindByEmailAsync(DemoAccounts.MariaEmail))!);

        var teacher = await current.FindAsync(principal);

        Assert.Equal(new TeacherIdentity(maria, "Maria Keller", "Europe/Berlin"), teacher);
        Assert.Equal(Id(maria), await current.FindTeacherIdAsync(principal));
        Assert.Null(await current.FindAsync(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(await current.FindAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "no-such-user")], "test"))));
    }
}
