using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.BotHost.Tests.Inbox;

public sealed class SqliteInboxStoreTests : InboxStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override async Task<(IInboxStore Inbox, IChatHistoryStore History)> CreateStoresAsync(TimeProvider time)
    {
        var database = new SqliteDatabase(_directory.File("inbox.db"));
        await new SqliteMigrator(database, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return (new SqliteInboxStore(database, time, Options), new SqliteChatHistoryStore(database, time));
    }

    [Fact]
    public async Task ReleaseAllAsync_AfterACrash_FreesEveryClaimAtOnce()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        await Store.ClaimAsync("crashed", CancellationToken.None);

        await Store.ReleaseAllAsync(CancellationToken.None);

        Assert.Equal(2, (await Store.ClaimAsync("restarted", CancellationToken.None))!.Attempts);
    }

    public void Dispose() => _directory.Dispose();
}
