using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Approvals;

public sealed class PostgresApprovalStoreTests(PostgresDatabaseFixture database)
    : ApprovalStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IApprovalStore> CreateStoreAsync(TimeProvider time)
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(_dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        // The class shares one database; each test starts from an empty table.
        await using var truncate = _dataSource.CreateCommand("TRUNCATE approvals;");
        await truncate.ExecuteNonQueryAsync();
        return new PostgresApprovalStore(_dataSource, time);
    }

    [Fact]
    public async Task TryDecideAsync_TwoProcessesOnOneDatabase_ExactlyOneWins()
    {
        // A second data source is what a second BotHost process has: its own connections to the same database.
        await using var otherProcess = NpgsqlDataSource.Create(database.ConnectionString);
        var other = new PostgresApprovalStore(otherProcess, Time);
        var request = NewRequest();
        Assert.True(await Store.CreateAsync(request, [1], CancellationToken.None));

        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : other).TryDecideAsync(request.Id, Decision($"U{i}", $"Ev{i}", ApprovalAction.Approve), CancellationToken.None))));

        Assert.Single(wins, won => won);
        Assert.Equal($"U{Array.IndexOf(wins, true)}", (await other.GetAsync(request.Id, CancellationToken.None))?.Decision?.UserId);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
