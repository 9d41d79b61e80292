using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.History;

public sealed class PostgresChatHistoryStoreTests(PostgresDatabaseFixture database)
    : ChatHistoryStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IChatHistoryStore> CreateStoreAsync(TimeProvider time)
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(_dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        // The class shares one database; each test starts from empty tables.
        await using var truncate = _dataSource.CreateCommand("TRUNCATE conversations, messages RESTART IDENTITY CASCADE;");
        await truncate.ExecuteNonQueryAsync();
        return new PostgresChatHistoryStore(_dataSource, time);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
