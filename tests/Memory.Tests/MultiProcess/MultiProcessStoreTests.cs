using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Postgres;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.MemoryWorker;
using ChatCouncil.TestSupport.Files;
using ChatCouncil.TestSupport.Postgres;
using ChatCouncil.TestSupport.Redis;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatCouncil.Memory.Tests.MultiProcess;

/// <summary>
/// Two writer processes and a searching process on one store (tests/MemoryWorker): afterwards every write is found,
/// counts are exact, no namespace holds another's documents, and no process failed (SQLite's lock included).
/// </summary>
public sealed class MultiProcessStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private const int Writers = 2;
    private const int PerWriter = 30;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task SqliteFile_TwoWriterProcessesWhileAThirdSearches_EveryWriteIsFoundOnce()
    {
        var path = _directory.File("shared.db");
        await RunAsync(SqliteMemoryStore.ForFile(path), ["--provider", "sqlite", "--database", path]);
    }

    [Fact]
    public async Task SqliteFileWithRedis_TwoWriterProcessesWhileAThirdSearches_EveryWriteIsFoundOnce()
    {
        var path = _directory.File("shared.db");
        await RunAsync(SqliteMemoryStore.ForFile(path),
            ["--provider", "sqlite", "--database", path, "--redis", RedisTestServer.Configuration, "--channel", RedisTestServer.NewChannel()]);
    }

    [Fact]
    public async Task PostgresWithRedis_TwoWriterProcessesWhileAThirdSearches_EveryWriteIsFoundOnce()
    {
        var connection = await database.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await RunAsync(new PostgresMemoryStore(dataSource),
            ["--provider", "postgres", "--database", connection, "--redis", RedisTestServer.Configuration, "--channel", RedisTestServer.NewChannel()]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task RunAsync(IMemoryStore store, string[] storeArguments)
    {
        await store.InitializeAsync(CancellationToken.None);
        var run = "mp" + Guid.NewGuid().ToString("N")[..12];
        var stop = _directory.File($"{run}.stop");
        string[] common = [.. storeArguments, "--run", run, "--count", PerWriter.ToString(System.Globalization.CultureInfo.InvariantCulture)];

        using var searcher = WorkerProcess.Start("searcher", [.. common, "--role", "search", "--stop", stop, "--writers", $"{Writers}"]);
        await searcher.Started.WaitAsync(Limit);
        var writers = Enumerable.Range(0, Writers)
            .Select(w => WorkerProcess.Start($"writer {w}", [.. common, "--role", "write", "--writer", $"{w}"]))
            .ToList();
        try
        {
            await Task.WhenAll(writers.Select(w => w.AssertSucceedsAsync(Limit)));
            await File.WriteAllTextAsync(stop, string.Empty);
            await searcher.AssertSucceedsAsync(Limit);
        }
        finally
        {
            writers.ForEach(w => w.Dispose());
        }

        var shared = WorkerDocuments.SharedNamespace(run);
        var expectedShared = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, PerWriter).Select(i => WorkerDocuments.SharedId(w, i)));
        Assert.Equal(expectedShared.Order(StringComparer.Ordinal), await DocumentIdsAsync(store, shared));
        for (var w = 0; w < Writers; w++)
        {
            var writer = w;
            Assert.Equal(Enumerable.Range(0, PerWriter).Select(i => WorkerDocuments.PrivateId(writer, i)).Order(StringComparer.Ordinal),
                await DocumentIdsAsync(store, WorkerDocuments.PrivateNamespace(run, w)));
        }

        foreach (var id in expectedShared)
        {
            Assert.Equal(2, (await store.GetDocumentAsync(shared, id, CancellationToken.None))!.ChunkCount);
        }

        // Full text in this fresh process finds each document by its own word, and only in its namespace.
        var hits = await store.SearchAsync(shared, new MemoryQuery("zq1x17", ReadOnlyMemory<float>.Empty), CancellationToken.None);
        Assert.Equal([WorkerDocuments.SharedId(1, 17)], hits.Select(h => h.DocumentId).Distinct());
        Assert.Empty(await store.SearchAsync(WorkerDocuments.PrivateNamespace(run, 0), new MemoryQuery("zq1x17", ReadOnlyMemory<float>.Empty), CancellationToken.None));
    }

    private static async Task<IReadOnlyList<string>> DocumentIdsAsync(IMemoryStore store, MemoryNamespace ns) =>
        [.. (await store.ListDocumentsAsync(ns, MemoryFilter.None, 1000, CancellationToken.None)).Select(d => d.Id).Order(StringComparer.Ordinal)];
}
