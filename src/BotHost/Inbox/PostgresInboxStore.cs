using System.Text.Json;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Inbox;

internal sealed class PostgresInboxStore(NpgsqlDataSource dataSource, TimeProvider time, IOptions<InboxOptions> options) : IInboxStore
{
    private const string ChangedByWorker = "WHERE id = $1 AND locked_by = $2 AND status = 'pending'";

    public async Task<IReadOnlyList<InboxAcceptance>> AcceptManyAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var now = Now();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One round trip and one commit for the whole batch; statements run in order, so a repeat within the batch
        // conflicts with the row its first occurrence just wrote.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var turn in turns)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO inbox_events (platform, event_key, message_key, conversation_key, turn, status, attempts, next_attempt_at, received_at)
                VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)
                ON CONFLICT DO NOTHING;
                """);
            foreach (var value in new object[]
            {
                InboxKeys.Platform(turn.Key.Platform), InboxKeys.Event(turn), InboxKeys.Message(turn), turn.Key.Value,
                JsonSerializer.Serialize(turn, InboxJsonContext.Default.ConversationTurn), now,
            })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var results = new InboxAcceptance[turns.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = batch.BatchCommands[i].RecordsAffected == 1 ? InboxAcceptance.Accepted : InboxAcceptance.Duplicate;
        }

        return results;
    }

    public async Task<InboxEvent?> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        var now = Now();
        // SKIP LOCKED: processes claiming at the same moment pass over each other's rows instead of waiting. A later
        // event of a conversation stays ineligible while an earlier one is pending, claimed or not, which keeps order.
        await using var command = dataSource.CreateCommand("""
            UPDATE inbox_events SET locked_by = $1, locked_until = $2, attempts = attempts + 1
            WHERE id = (
                SELECT e.id FROM inbox_events e
                WHERE e.status = 'pending' AND e.next_attempt_at <= $3 AND (e.locked_until IS NULL OR e.locked_until < $3)
                  AND NOT EXISTS (SELECT 1 FROM inbox_events o
                                  WHERE o.conversation_key = e.conversation_key AND o.status = 'pending' AND o.id < e.id)
                ORDER BY e.id LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, turn, attempts, answer;
            """);
        command.AddPositional(worker, now + options.Value.Lease, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new InboxEvent(
            reader.GetInt64(0),
            JsonSerializer.Deserialize(reader.GetString(1), InboxJsonContext.Default.ConversationTurn)!,
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    public async Task<bool> RenewAsync(long id, string worker, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync($"UPDATE inbox_events SET locked_until = $3 {ChangedByWorker};", cancellationToken,
            id, worker, Now() + options.Value.Lease) == 1;

    public Task SaveAnswerAsync(long id, string worker, string answer, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync($"UPDATE inbox_events SET answer = $3 {ChangedByWorker};", cancellationToken, id, worker, answer);

    public Task CompleteAsync(long id, string worker, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync($"UPDATE inbox_events SET status = 'done', locked_by = NULL, locked_until = NULL, finished_at = $3 {ChangedByWorker};",
            cancellationToken, id, worker, Now());

    public Task FailAsync(long id, string worker, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var now = Now();
        return dataSource.ExecuteAsync($"""
            UPDATE inbox_events SET status = $3, next_attempt_at = $4, locked_by = NULL, locked_until = NULL,
                last_error = $5, finished_at = $6
            {ChangedByWorker};
            """,
            cancellationToken, id, worker, retryAt is null ? InboxKeys.Dead : InboxKeys.Pending, retryAt ?? now, failure,
            retryAt is null ? now : (DateTimeOffset?)null);
    }

    public Task ReleaseAsync(long id, string worker, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync($"UPDATE inbox_events SET locked_by = NULL, locked_until = NULL, attempts = GREATEST(attempts - 1, 0) {ChangedByWorker};",
            cancellationToken, id, worker);

    // Shared by processes: another one's claims are not ours to free. A dead process's claims end with their lease.
    public Task ReleaseAllAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, platform, event_key, conversation_key, attempts, last_error, received_at, finished_at
            FROM inbox_events WHERE status = 'dead' ORDER BY id DESC LIMIT $1;
            """);
        command.AddPositional(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var platform = reader.GetString(1);
            letters.Add(new DeadLetter(
                reader.GetInt64(0),
                InboxKeys.ParsePlatform(platform),
                reader.GetString(2)[(platform.Length + 1)..],
                reader.GetString(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return letters;
    }

    public async Task<InboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT COUNT(*) FILTER (WHERE status = 'pending'), COUNT(*) FILTER (WHERE status = 'dead')
            FROM inbox_events WHERE status IN ('pending', 'dead');
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync("""
            UPDATE inbox_events SET status = 'pending', attempts = 0, next_attempt_at = $2, finished_at = NULL
            WHERE id = $1 AND status = 'dead';
            """, cancellationToken, id, Now()) == 1;

    public async Task<Guid?> FindConversationAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand("SELECT conversation_id FROM conversation_links WHERE conversation_key = $1;");
        command.AddPositional(key.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    public async Task<Guid> LinkConversationAsync(ConversationKey key, Guid conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await dataSource.ExecuteAsync("""
            INSERT INTO conversation_links (conversation_key, conversation_id, created_at) VALUES ($1, $2, $3)
            ON CONFLICT DO NOTHING;
            """, cancellationToken, key.Value, conversationId, Now());
        return await FindConversationAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"The link of {key} vanished right after it was written.");
    }

    private DateTimeOffset Now() => time.GetUtcNowMilliseconds();
}
