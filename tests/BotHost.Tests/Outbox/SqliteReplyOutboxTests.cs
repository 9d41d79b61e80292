using ChatCouncil.BotHost.Outbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.BotHost.Tests.Outbox;

public sealed class SqliteReplyOutboxTests : ReplyOutboxConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override async Task<(IReplyOutbox Outbox, Func<IReplyOutbox> Reopen)> CreateAsync(TimeProvider time)
    {
        var path = _directory.File("outbox.db");
        await new SqliteMigrator(new SqliteDatabase(path), time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return (new SqliteReplyOutbox(new SqliteDatabase(path), time), () => new SqliteReplyOutbox(new SqliteDatabase(path), time));
    }

    public void Dispose() => _directory.Dispose();
}
