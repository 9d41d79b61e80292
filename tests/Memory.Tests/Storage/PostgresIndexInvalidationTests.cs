using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Postgres;
using ChatCouncil.TestSupport.Postgres;
using Npgsql;

namespace ChatCouncil.Memory.Tests.Storage;

public sealed class PostgresIndexInvalidationTests(PostgresDatabaseFixture database) : IndexInvalidationTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task CreateDatabaseAsync() => _dataSource = NpgsqlDataSource.Create(await database.CreateDatabaseAsync());

    protected override SqlMemoryStore CreateStore(TimeProvider time, IIndexInvalidation? invalidation) =>
        new PostgresMemoryStore(_dataSource ?? throw new InvalidOperationException("The database is not created yet."), time, invalidation);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
