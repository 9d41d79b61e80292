namespace ChatCouncil.BotHost.Scheduling;

/// <summary>
/// Decides which process runs a recurring job in a period when several BotHost processes share one database.
/// Quartz's in-memory store is per process and its ADO store's tables are not shipped, so the scheduler alone
/// would run the job once per process. Thread-safe singletons.
/// </summary>
public interface IJobRunLease
{
    /// <summary>
    /// True when this process may run <paramref name="job"/> now: no other process took it within the last
    /// <paramref name="period"/>. Taking it blocks the others until the period ends.
    /// </summary>
    Task<bool> TryAcquireAsync(string job, TimeSpan period, CancellationToken cancellationToken);
}
