namespace ChatCouncil.BotHost.Scheduling;

/// <summary>SQLite: one process owns the database file, so its scheduler alone decides when a job runs.</summary>
internal sealed class LocalJobRunLease : IJobRunLease
{
    public Task<bool> TryAcquireAsync(string job, TimeSpan period, CancellationToken cancellationToken) => Task.FromResult(true);
}
