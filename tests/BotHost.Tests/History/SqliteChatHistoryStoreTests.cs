using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.BotHost.Tests.History;

public sealed class SqliteChatHistoryStoreTests : ChatHistoryStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IChatHistoryStore> CreateStoreAsync(TimeProvider time)
    {
        var database = new SqliteDatabase(_directory.File("history.db"));
        await new SqliteMigrator(database, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new SqliteChatHistoryStore(database, time);
    }

    public void Dispose() => _directory.Dispose();
}
