using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Auth;

public sealed class PostgresApiKeyStoreTests(PostgresDatabaseFixture database)
    : ApiKeyStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IApiKeyStore> CreateStoreAsync(TimeProvider time)
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(_dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        // The class shares one database; each test starts with no keys.
        await using var truncate = _dataSource.CreateCommand("TRUNCATE api_keys;");
        await truncate.ExecuteNonQueryAsync();
        return new PostgresApiKeyStore(_dataSource, time);
    }

    protected override async Task<IReadOnlyList<string>> ReadKeyTableAsync()
    {
        await using var command = _dataSource!.CreateCommand("SELECT * FROM api_keys;");
        await using var reader = await command.ExecuteReaderAsync();
        return await KeyTableCells.ReadAsync(reader);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
