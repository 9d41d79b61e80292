using ChatCouncil.BotHost.Storage;

namespace ChatCouncil.BotHost.Scheduling.Retention;

internal sealed class SqliteRetentionStore(SqliteDatabase database) : IRetentionStore
{
    public Task<int> DeleteFinishedEventsAsync(DateTimeOffset answeredBefore, DateTimeOffset deadBefore, int limit, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            DELETE FROM inbox_events WHERE id IN (
                SELECT id FROM inbox_events WHERE status = 'done' AND finished_at < @answered_before
                UNION ALL
                SELECT id FROM inbox_events WHERE status = 'dead' AND finished_at < @dead_before
                LIMIT @limit);
            """,
            cancellationToken,
            ("@answered_before", answeredBefore.ToUnixTimeMilliseconds()),
            ("@dead_before", deadBefore.ToUnixTimeMilliseconds()),
            ("@limit", limit));

    public Task<int> DeleteRepliesAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            DELETE FROM reply_outbox WHERE rowid IN (SELECT rowid FROM reply_outbox WHERE updated_at < @before LIMIT @limit);
            """,
            cancellationToken,
            ("@before", before.ToUnixTimeMilliseconds()),
            ("@limit", limit));
}
