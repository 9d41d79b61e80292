using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Outbox;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Scheduling.Retention;

public sealed class PostgresRetentionStoreTests(PostgresDatabaseFixture database)
    : RetentionStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<(IInboxStore Inbox, IReplyOutbox Outbox, IRetentionStore Retention)> CreateStoresAsync(TimeProvider time)
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(_dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        // The class shares one database; each test starts from empty tables.
        await using var truncate = _dataSource.CreateCommand("TRUNCATE inbox_events, reply_outbox RESTART IDENTITY;");
        await truncate.ExecuteNonQueryAsync();
        return (new PostgresInboxStore(_dataSource, time, Options.Create(new InboxOptions())), new PostgresReplyOutbox(_dataSource, time),
            new PostgresRetentionStore(_dataSource));
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
