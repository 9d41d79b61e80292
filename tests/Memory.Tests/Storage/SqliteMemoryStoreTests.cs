using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.TestSupport.Files;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.Memory.Tests.Storage;

public sealed class SqliteMemoryStoreTests : MemoryStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Path => _directory.File("memory.db");

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override IMemoryStore CreateStore(TimeProvider? time = null) => SqliteMemoryStore.ForFile(Path, time);

    protected override async Task<long> CountFullTextEntriesAsync(string word)
    {
        await using var connection = new SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // MATCH reads the FTS index itself, so an entry left behind by a deleted chunk would still be counted.
        command.CommandText = "SELECT COUNT(*) FROM memory_chunks_fts WHERE memory_chunks_fts MATCH @word;";
        command.Parameters.AddWithValue("@word", $"\"{word}\"");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
