using ClassBooking.Core;
using ClassBooking.Core.Stores;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    // Every test of this suite runs with UnitOfWorkTracker armed: a use case that asked the host's directory inside
    // a unit of work would fail there. This test shows the tracker is armed, in reads and in writes alike.
    [Fact]
    public async Task The_hosts_directory_refuses_to_be_asked_inside_a_unit_of_work()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Read((_, ct) => Directory.FindTeacherAsync(TeacherA, ct)));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            InScope<IClassBookingStore, Result<bool>>(store => store.WriteAsync<bool>(WriteLock.Teacher(TeacherA), async (_, ct) =>
                (await Directory.GetStudentsAsync(TeacherA, ct)).Count > 0)));

        Assert.NotNull(await Directory.FindTeacherAsync(TeacherA, CancellationToken.None));
        Assert.Empty(await AuditOf(TeacherA));
    }
}
