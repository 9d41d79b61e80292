using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Inbox;

public sealed class PostgresInboxStoreTests(PostgresDatabaseFixture database)
    : InboxStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<(IInboxStore Inbox, IChatHistoryStore History)> CreateStoresAsync(TimeProvider time)
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(_dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        // The class shares one database; each test starts from empty tables.
        await using var truncate = _dataSource.CreateCommand("TRUNCATE inbox_events, conversation_links, conversations, messages RESTART IDENTITY CASCADE;");
        await truncate.ExecuteNonQueryAsync();
        return (new PostgresInboxStore(_dataSource, time, Options), new PostgresChatHistoryStore(_dataSource, time));
    }

    [Fact]
    public async Task ClaimAsync_ManyConcurrentWorkers_ClaimEachEventOnce()
    {
        for (var i = 0; i < 40; i++)
        {
            await Store.AcceptAsync(TestTurns.Slack($"Ev{i}", $"1.{i}", thread: $"T{i}"), CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await Store.ClaimAsync($"w{w}", CancellationToken.None) is { } claimed)
            {
                mine.Add(claimed.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
