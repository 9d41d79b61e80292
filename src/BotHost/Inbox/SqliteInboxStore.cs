using System.Text.Json;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Inbox;

internal sealed class SqliteInboxStore(SqliteDatabase database, TimeProvider time, IOptions<InboxOptions> options) : IInboxStore
{
    private const string ChangedByWorker = "WHERE id = @id AND locked_by = @worker AND status = 'pending'";

    public async Task<IReadOnlyList<InboxAcceptance>> AcceptManyAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var now = Now();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO inbox_events (platform, event_key, message_key, conversation_key, turn, status, attempts, next_attempt_at, received_at)
            VALUES (@platform, @event_key, @message_key, @conversation_key, @turn, 'pending', 0, @now, @now)
            ON CONFLICT DO NOTHING;
            """;
        var platform = command.Parameters.Add("@platform", SqliteType.Text);
        var eventKey = command.Parameters.Add("@event_key", SqliteType.Text);
        var messageKey = command.Parameters.Add("@message_key", SqliteType.Text);
        var conversationKey = command.Parameters.Add("@conversation_key", SqliteType.Text);
        var json = command.Parameters.Add("@turn", SqliteType.Text);
        command.Parameters.AddWithValue("@now", now);
        var results = new InboxAcceptance[turns.Count];
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            platform.Value = InboxKeys.Platform(turn.Key.Platform);
            eventKey.Value = InboxKeys.Event(turn);
            messageKey.Value = InboxKeys.Message(turn);
            conversationKey.Value = turn.Key.Value;
            json.Value = JsonSerializer.Serialize(turn, InboxJsonContext.Default.ConversationTurn);
            results[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? InboxAcceptance.Accepted : InboxAcceptance.Duplicate;
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<InboxEvent?> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // BEGIN IMMEDIATE: the write lock is taken before the read, so two claimers never pick the same row.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT e.id, e.turn, e.attempts, e.answer FROM inbox_events e
            WHERE e.status = 'pending' AND e.next_attempt_at <= @now AND (e.locked_until IS NULL OR e.locked_until < @now)
              AND NOT EXISTS (SELECT 1 FROM inbox_events o
                              WHERE o.conversation_key = e.conversation_key AND o.status = 'pending' AND o.id < e.id)
            ORDER BY e.id LIMIT 1;
            """;
        select.Parameters.AddWithValue("@now", now);
        InboxEvent? claimed;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            claimed = new InboxEvent(
                reader.GetInt64(0),
                JsonSerializer.Deserialize(reader.GetString(1), InboxJsonContext.Default.ConversationTurn)!,
                reader.GetInt32(2) + 1,
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE inbox_events SET locked_by = @worker, locked_until = @until, attempts = attempts + 1 WHERE id = @id;";
        update.Parameters.AddWithValue("@worker", worker);
        update.Parameters.AddWithValue("@until", now + (long)options.Value.Lease.TotalMilliseconds);
        update.Parameters.AddWithValue("@id", claimed.Id);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task<bool> RenewAsync(long id, string worker, CancellationToken cancellationToken) =>
        await database.ExecuteAsync($"UPDATE inbox_events SET locked_until = @until {ChangedByWorker};", cancellationToken,
            ("@id", id), ("@worker", worker), ("@until", Now() + (long)options.Value.Lease.TotalMilliseconds)) == 1;

    public Task SaveAnswerAsync(long id, string worker, string answer, CancellationToken cancellationToken) =>
        database.ExecuteAsync($"UPDATE inbox_events SET answer = @answer {ChangedByWorker};", cancellationToken,
            ("@id", id), ("@worker", worker), ("@answer", answer));

    public Task CompleteAsync(long id, string worker, CancellationToken cancellationToken) =>
        database.ExecuteAsync($"UPDATE inbox_events SET status = 'done', locked_by = NULL, locked_until = NULL, finished_at = @now {ChangedByWorker};",
            cancellationToken, ("@id", id), ("@worker", worker), ("@now", Now()));

    public Task FailAsync(long id, string worker, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync($"""
            UPDATE inbox_events SET status = @status, next_attempt_at = @retry_at, locked_by = NULL, locked_until = NULL,
                last_error = @error, finished_at = CASE WHEN @status = 'dead' THEN @now END
            {ChangedByWorker};
            """,
            cancellationToken, ("@id", id), ("@worker", worker), ("@error", failure), ("@now", Now()),
            ("@status", retryAt is null ? InboxKeys.Dead : InboxKeys.Pending),
            ("@retry_at", retryAt?.ToUnixTimeMilliseconds() ?? Now()));

    public Task ReleaseAsync(long id, string worker, CancellationToken cancellationToken) =>
        database.ExecuteAsync($"UPDATE inbox_events SET locked_by = NULL, locked_until = NULL, attempts = MAX(attempts - 1, 0) {ChangedByWorker};",
            cancellationToken, ("@id", id), ("@worker", worker));

    public Task ReleaseAllAsync(CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE inbox_events SET locked_by = NULL, locked_until = NULL WHERE status = 'pending' AND locked_by IS NOT NULL;",
            cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, platform, event_key, conversation_key, attempts, last_error, received_at, finished_at
            FROM inbox_events WHERE status = 'dead' ORDER BY id DESC LIMIT @limit;
            """;
        command.Parameters.AddWithValue("@limit", limit);
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
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return letters;
    }

    public async Task<InboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'dead'), 0)
            FROM inbox_events WHERE status IN ('pending', 'dead');
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE inbox_events SET status = 'pending', attempts = 0, next_attempt_at = @now, finished_at = NULL
            WHERE id = @id AND status = 'dead';
            """, cancellationToken, ("@id", id), ("@now", Now())) == 1;

    public async Task<Guid?> FindConversationAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id FROM conversation_links WHERE conversation_key = @key;";
        command.Parameters.AddWithValue("@key", key.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? Guid.Parse(id) : null;
    }

    public async Task<Guid> LinkConversationAsync(ConversationKey key, Guid conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await database.ExecuteAsync("""
            INSERT INTO conversation_links (conversation_key, conversation_id, created_at) VALUES (@key, @id, @now)
            ON CONFLICT DO NOTHING;
            """, cancellationToken, ("@key", key.Value), ("@id", conversationId.ToString("D")), ("@now", Now()));
        return await FindConversationAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"The link of {key} vanished right after it was written.");
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
