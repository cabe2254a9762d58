namespace ClassBooking.Testing;

/// <summary>
/// Microsoft.Data.Sqlite waits for SQLite's write lock by blocking a thread (its busy timeout), so the 64-way
/// SQLite race tests hold dozens of pool threads at once. Tests of other classes run alongside them; without
/// enough threads, their async work (e.g. opening a PostgreSQL connection) stalls until it times out.
/// </summary>
internal static class TestThreadPool
{
    private const int MinThreads = 160;

    public static void EnsureRoomForBlockingWaits()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinThreads || io < MinThreads)
        {
            ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), Math.Max(io, MinThreads));
        }
    }
}
