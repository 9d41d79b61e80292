using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.BotHost.Outbox;

/// <summary>The reply outbox in the SQLite file (table <c>reply_outbox</c>). Thread-safe.</summary>
internal sealed class SqliteReplyOutbox(SqliteDatabase database, TimeProvider time) : IReplyOutbox
{
    public async Task<IReadOnlyList<OutboxPiece>> LoadAsync(ChatPlatform platform, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT piece, message_id, final, began_at FROM reply_outbox
            WHERE platform = @platform AND idempotency_key = @key ORDER BY piece;
            """;
        command.Parameters.AddWithValue("@platform", InboxKeys.Platform(platform));
        command.Parameters.AddWithValue("@key", idempotencyKey);
        var pieces = new List<OutboxPiece>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pieces.Add(new OutboxPiece(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt64(2) == 1,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return pieces;
    }

    public Task BeginPostAsync(ChatPlatform platform, string idempotencyKey, int piece, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO reply_outbox (platform, idempotency_key, piece, message_id, final, began_at, updated_at)
            VALUES (@platform, @key, @piece, NULL, 0, @now, @now)
            ON CONFLICT DO NOTHING;
            """, platform, idempotencyKey, piece, null, false, cancellationToken);

    public Task RecordAsync(ChatPlatform platform, string idempotencyKey, int piece, string messageId, bool final, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO reply_outbox (platform, idempotency_key, piece, message_id, final, began_at, updated_at)
            VALUES (@platform, @key, @piece, @message_id, @final, @now, @now)
            ON CONFLICT (platform, idempotency_key, piece)
            DO UPDATE SET message_id = excluded.message_id, final = excluded.final, updated_at = excluded.updated_at;
            """, platform, idempotencyKey, piece, messageId, final, cancellationToken);

    private async Task ExecuteAsync(string sql, ChatPlatform platform, string key, int piece, string? messageId, bool final, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@platform", InboxKeys.Platform(platform));
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@piece", piece);
        command.Parameters.AddWithValue("@message_id", (object?)messageId ?? DBNull.Value);
        command.Parameters.AddWithValue("@final", final ? 1 : 0);
        command.Parameters.AddWithValue("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
