using ChatCouncil.BotHost.Outbox;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Outbox;

public sealed class PostgresReplyOutboxTests(PostgresDatabaseFixture database)
    : ReplyOutboxConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<(IReplyOutbox Outbox, Func<IReplyOutbox> Reopen)> CreateAsync(TimeProvider time)
    {
        var dataSource = Open();
        await new PostgresMigrator(dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        // The class shares one database; each test starts from an empty table.
        await using var truncate = dataSource.CreateCommand("TRUNCATE reply_outbox;");
        await truncate.ExecuteNonQueryAsync();
        return (new PostgresReplyOutbox(dataSource, time), () => new PostgresReplyOutbox(Open(), time));
    }

    public override async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    private NpgsqlDataSource Open()
    {
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }
}
