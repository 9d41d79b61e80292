namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>Deletes what the retention job no longer needs, a bounded number of rows per call. Thread-safe singletons.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes at most <paramref name="limit"/> inbox events: answered ones that finished before
    /// <paramref name="answeredBefore"/>, dead letters that finished before <paramref name="deadBefore"/>. Events still
    /// pending are never deleted, however old.
    /// </summary>
    /// <returns>The number deleted; fewer than <paramref name="limit"/> when nothing more is due.</returns>
    Task<int> DeleteFinishedEventsAsync(DateTimeOffset answeredBefore, DateTimeOffset deadBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> reply-outbox rows last written before <paramref name="before"/>.</summary>
    Task<int> DeleteRepliesAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
