using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.TestSupport.Files;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.Memory.Tests.Storage;

public sealed class SqliteIndexInvalidationTests : IndexInvalidationTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override SqlMemoryStore CreateStore(TimeProvider time, IIndexInvalidation? invalidation) =>
        SqliteMemoryStore.ForFile(_directory.File("memory.db"), time, invalidation);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
