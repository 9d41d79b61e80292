using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.BotHost.Tests.Auth;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    protected override async Task<IApiKeyStore> CreateStoreAsync(TimeProvider time)
    {
        _database = new SqliteDatabase(_directory.File("keys.db"));
        await new SqliteMigrator(_database, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new SqliteApiKeyStore(_database, time);
    }

    protected override async Task<IReadOnlyList<string>> ReadKeyTableAsync()
    {
        await using var connection = await _database!.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys;";
        await using var reader = await command.ExecuteReaderAsync();
        return await KeyTableCells.ReadAsync(reader);
    }

    public void Dispose() => _directory.Dispose();
}
