using System.Data.Common;
using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Storage;

public abstract partial class SqlMemoryStore : IMemorySessionStore
{
    private const string SessionColumns = "id, conversation_id, ttl_ms, opened_at, touched_at, expires_at, closed_at";

    public DateTimeOffset Now => NowMilliseconds();

    public async Task<MemorySession> OpenSessionAsync(string id, string? conversationId, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ValidateSessionId(id);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var now = NowMilliseconds();
        var ttl = TimeSpan.FromMilliseconds(Math.Ceiling(timeToLive.TotalMilliseconds));
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            INSERT INTO memory_sessions ({SessionColumns}) VALUES (@id, @conversation_id, @ttl_ms, @now, @now, @expires_at, NULL)
            ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id, ttl_ms = excluded.ttl_ms, opened_at = excluded.opened_at,
                touched_at = excluded.touched_at, expires_at = excluded.expires_at, closed_at = NULL;
            """);
        Add(command, "@id", id);
        Add(command, "@conversation_id", conversationId);
        Add(command, "@ttl_ms", (long)ttl.TotalMilliseconds);
        Add(command, "@now", ToDbTime(now));
        Add(command, "@expires_at", ToDbTime(now + ttl));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new MemorySession(id, conversationId, ttl, now, now, now + ttl, null);
    }

    public async Task<MemorySession?> TouchSessionAsync(string id, CancellationToken cancellationToken)
    {
        var now = NowMilliseconds();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var command = Command(connection, """
            UPDATE memory_sessions SET touched_at = @now, expires_at = @now_plus_ttl
            WHERE id = @id AND closed_at IS NULL AND expires_at > @now;
            """))
        {
            // The new expiry is computed in C#: interval arithmetic differs between the two databases.
            var session = await GetSessionAsync(connection, id, cancellationToken);
            if (session is null)
            {
                return null;
            }

            Add(command, "@id", id);
            Add(command, "@now", ToDbTime(now));
            Add(command, "@now_plus_ttl", ToDbTime(now + session.TimeToLive));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetSessionAsync(connection, id, cancellationToken);
    }

    public async Task<MemorySession?> CloseSessionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var command = Command(connection, "UPDATE memory_sessions SET closed_at = @now WHERE id = @id AND closed_at IS NULL;"))
        {
            Add(command, "@id", id);
            Add(command, "@now", ToDbTime(NowMilliseconds()));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetSessionAsync(connection, id, cancellationToken);
    }

    public async Task<MemorySession?> GetSessionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await GetSessionAsync(connection, id, cancellationToken);
    }

    private async Task<MemorySession?> GetSessionAsync(DbConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {SessionColumns} FROM memory_sessions WHERE id = @id;");
        Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new MemorySession(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), TimeSpan.FromMilliseconds(reader.GetInt64(2)),
            ReadTime(reader, 3), ReadTime(reader, 4), ReadTime(reader, 5), reader.IsDBNull(6) ? null : ReadTime(reader, 6));
    }

    private static void ValidateSessionId(string id)
    {
        if (MemoryDocumentId.Validate(id) is { } error)
        {
            throw new ArgumentException(error.Replace("document id", "session id", StringComparison.Ordinal), nameof(id));
        }
    }
}
