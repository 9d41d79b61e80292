using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.BotHost.Tests.Approvals;

public sealed class SqliteApprovalStoreTests : ApprovalStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IApprovalStore> CreateStoreAsync(TimeProvider time)
    {
        var database = new SqliteDatabase(_directory.File("approvals.db"));
        await new SqliteMigrator(database, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new SqliteApprovalStore(database, time);
    }

    public void Dispose() => _directory.Dispose();
}
