using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Npgsql;

namespace ChatCouncil.BotHost.Outbox;

/// <summary>The reply outbox on PostgreSQL (table <c>reply_outbox</c>), shared by every process of the inbox. Thread-safe.</summary>
internal sealed class PostgresReplyOutbox(NpgsqlDataSource dataSource, TimeProvider time) : IReplyOutbox
{
    public async Task<IReadOnlyList<OutboxPiece>> LoadAsync(ChatPlatform platform, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT piece, message_id, final, began_at FROM reply_outbox
            WHERE platform = $1 AND idempotency_key = $2 ORDER BY piece;
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = InboxKeys.Platform(platform) });
        command.Parameters.Add(new NpgsqlParameter { Value = idempotencyKey });
        var pieces = new List<OutboxPiece>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pieces.Add(new OutboxPiece(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetBoolean(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return pieces;
    }

    public Task BeginPostAsync(ChatPlatform platform, string idempotencyKey, int piece, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO reply_outbox (platform, idempotency_key, piece, message_id, final, began_at, updated_at)
            VALUES ($1, $2, $3, NULL, false, $4, $4)
            ON CONFLICT DO NOTHING;
            """, cancellationToken, InboxKeys.Platform(platform), idempotencyKey, piece, time.GetUtcNowMilliseconds());

    public Task RecordAsync(ChatPlatform platform, string idempotencyKey, int piece, string messageId, bool final, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO reply_outbox (platform, idempotency_key, piece, message_id, final, began_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6)
            ON CONFLICT (platform, idempotency_key, piece)
            DO UPDATE SET message_id = excluded.message_id, final = excluded.final, updated_at = excluded.updated_at;
            """, cancellationToken, InboxKeys.Platform(platform), idempotencyKey, piece, messageId, final, time.GetUtcNowMilliseconds());

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
