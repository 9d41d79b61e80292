using System.Data.Common;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Storage;

public abstract partial class SqlMemoryStore : IMemoryValueStore
{
    public async Task<MemoryValue> SetValueAsync(MemoryNamespace ns, string key, string json, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (MemoryDocumentId.Validate(key) is { } error)
        {
            throw new ArgumentException(error.Replace("document id", "key", StringComparison.Ordinal), nameof(key));
        }

        if (timeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), "A time to live must be positive.");
        }

        var now = NowMilliseconds();
        var value = new MemoryValue(key, json, now, timeToLive is { } t ? now + t : null);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using (var purge = Command(transaction, "DELETE FROM memory_kv WHERE ns = @ns AND expires_at <= @now;"))
        {
            Add(purge, "@ns", ns.ToString());
            Add(purge, "@now", ToDbTime(now));
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = Command(transaction, """
            INSERT INTO memory_kv (ns, key, value, updated_at, expires_at) VALUES (@ns, @key, @value, @updated_at, @expires_at)
            ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, expires_at = excluded.expires_at;
            """))
        {
            Add(upsert, "@ns", ns.ToString());
            Add(upsert, "@key", key);
            Add(upsert, "@value", json);
            Add(upsert, "@updated_at", ToDbTime(now));
            Add(upsert, "@expires_at", value.ExpiresAt is { } expires ? ToDbTime(expires) : null);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return value;
    }

    public async Task<MemoryValue?> GetValueAsync(MemoryNamespace ns, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT value, updated_at, expires_at FROM memory_kv WHERE ns = @ns AND key = @key AND (expires_at IS NULL OR expires_at > @now);");
        AddKey(command, ns, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MemoryValue(key, reader.GetString(0), ReadTime(reader, 1), reader.IsDBNull(2) ? null : ReadTime(reader, 2))
            : null;
    }

    public async Task<bool> DeleteValueAsync(MemoryNamespace ns, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "DELETE FROM memory_kv WHERE ns = @ns AND key = @key AND (expires_at IS NULL OR expires_at > @now);");
        AddKey(command, ns, key);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private void AddKey(DbCommand command, MemoryNamespace ns, string key)
    {
        Add(command, "@ns", ns.ToString());
        Add(command, "@key", key);
        Add(command, "@now", ToDbTime(NowMilliseconds()));
    }

    // Both databases keep milliseconds exactly, so a value reads back equal to what was returned.
    private DateTimeOffset NowMilliseconds() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
}
