using ChatCouncil.BotHost.Storage;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.BotHost.Auth.Keys;

internal sealed class SqliteApiKeyStore(SqliteDatabase database, TimeProvider time) : ApiKeyStore(time)
{
    private const string Columns = "id, name, scopes, secret_hash, created_at, last_used_at, revoked_at";

    public override async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys ORDER BY created_at, id;";
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
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@now", Time.GetUtcNowMilliseconds().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    protected override async Task<bool> InsertAsync(ApiKeyInfo info, byte[] secretHash, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement is atomic in SQLite (writers are serialised), so the emptiness check cannot race.
        command.CommandText = $"""
            INSERT INTO api_keys (id, name, scopes, secret_hash, created_at)
            SELECT @id, @name, @scopes, @secret_hash, @created_at
            WHERE {(onlyIfEmpty ? "NOT EXISTS (SELECT 1 FROM api_keys)" : "1")};
            """;
        command.Parameters.AddWithValue("@id", info.Id);
        command.Parameters.AddWithValue("@name", info.Name);
        command.Parameters.AddWithValue("@scopes", JoinScopes(info.Scopes));
        command.Parameters.AddWithValue("@secret_hash", secretHash);
        command.Parameters.AddWithValue("@created_at", info.CreatedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    protected override async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    protected override async Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET last_used_at = @now WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StoredApiKey Read(SqliteDataReader reader) => new(
        new ApiKeyInfo(
            reader.GetString(0),
            reader.GetString(1),
            SplitScopes(reader.GetString(2)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))),
        (byte[])reader.GetValue(3));
}
