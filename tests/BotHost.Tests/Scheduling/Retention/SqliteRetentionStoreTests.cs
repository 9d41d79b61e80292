using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Outbox;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Scheduling.Retention;

public sealed class SqliteRetentionStoreTests : RetentionStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override async Task<(IInboxStore Inbox, IReplyOutbox Outbox, IRetentionStore Retention)> CreateStoresAsync(TimeProvider time)
    {
        var database = new SqliteDatabase(_directory.File("retention.db"));
        await new SqliteMigrator(database, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return (new SqliteInboxStore(database, time, Options.Create(new InboxOptions())), new SqliteReplyOutbox(database, time), new SqliteRetentionStore(database));
    }

    public void Dispose() => _directory.Dispose();
}
