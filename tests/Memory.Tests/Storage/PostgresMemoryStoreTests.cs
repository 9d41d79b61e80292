using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Postgres;
using ChatCouncil.TestSupport.Postgres;
using Npgsql;

namespace ChatCouncil.Memory.Tests.Storage;

public sealed class PostgresMemoryStoreTests(PostgresDatabaseFixture database) : MemoryStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not created yet.");

    protected override async Task CreateDatabaseAsync() => _dataSource = NpgsqlDataSource.Create(await database.CreateDatabaseAsync());

    protected override IMemoryStore CreateStore() => new PostgresMemoryStore(DataSource);

    protected override async Task<long> CountFullTextEntriesAsync(string word)
    {
        await using var command = DataSource.CreateCommand("SELECT COUNT(*) FROM memory_chunks WHERE tsv @@ to_tsquery('simple', @word);");
        command.Parameters.AddWithValue("word", word);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
