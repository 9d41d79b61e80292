using ChatCouncil.BotHost.Storage;
using Npgsql;

namespace ChatCouncil.BotHost.Auth.Keys;

internal sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource, TimeProvider time) : ApiKeyStore(time)
{
    private const string Columns = "id, name, scopes, secret_hash, created_at, last_used_at, revoked_at";

    public override async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_keys ORDER BY created_at, id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader).Info);
        }

        return keys;
    }

    public override async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = dataSource.CreateCommand("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1;");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = Time.GetUtcNowMilliseconds() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    protected override async Task<bool> InsertAsync(ApiKeyInfo info, byte[] secretHash, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (onlyIfEmpty)
        {
            // Self-conflicting lock: a second first-start waits here, then sees the first one's key. Reads go on.
            await using var lockTable = new NpgsqlCommand("LOCK TABLE api_keys IN SHARE ROW EXCLUSIVE MODE;", connection, transaction);
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand($"""
            INSERT INTO api_keys (id, name, scopes, secret_hash, created_at)
            SELECT $1, $2, $3, $4, $5
            WHERE {(onlyIfEmpty ? "NOT EXISTS (SELECT 1 FROM api_keys)" : "true")};
            """, connection, transaction);
        command.Parameters.Add(new() { Value = info.Id });
        command.Parameters.Add(new() { Value = info.Name });
        command.Parameters.Add(new() { Value = JoinScopes(info.Scopes) });
        command.Parameters.Add(new() { Value = secretHash });
        command.Parameters.Add(new() { Value = info.CreatedAt });
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    protected override async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE id = $1;");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    protected override async Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE api_keys SET last_used_at = $2 WHERE id = $1;");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StoredApiKey Read(NpgsqlDataReader reader) => new(
        new ApiKeyInfo(
            reader.GetString(0),
            reader.GetString(1),
            SplitScopes(reader.GetString(2)),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)),
        reader.GetFieldValue<byte[]>(3));
}
