using ChatCouncil.BotHost.Storage;
using Npgsql;

namespace ChatCouncil.BotHost.Scheduling.Retention;

internal sealed class PostgresRetentionStore(NpgsqlDataSource dataSource) : IRetentionStore
{
    public Task<int> DeleteFinishedEventsAsync(DateTimeOffset answeredBefore, DateTimeOffset deadBefore, int limit, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("""
            DELETE FROM inbox_events WHERE id IN (
                SELECT id FROM inbox_events WHERE status = 'done' AND finished_at < $1
                UNION ALL
                SELECT id FROM inbox_events WHERE status = 'dead' AND finished_at < $2
                LIMIT $3);
            """, cancellationToken, answeredBefore, deadBefore, limit);

    public Task<int> DeleteRepliesAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("""
            DELETE FROM reply_outbox WHERE ctid IN (SELECT ctid FROM reply_outbox WHERE updated_at < $1 LIMIT $2);
            """, cancellationToken, before, limit);
}
