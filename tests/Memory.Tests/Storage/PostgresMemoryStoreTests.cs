using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Snapshots;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.TestSupport.Files;
using ChatCouncil.TestSupport.Time;
using Microsoft.Data.Sqlite;
using ChatCouncil.Memory.Storage.Postgres;
using ChatCouncil.TestSupport.Postgres;
using Npgsql;

namespace ChatCouncil.Memory.Tests.Storage;

public sealed class PostgresMemoryStoreTests(PostgresDatabaseFixture database) : MemoryStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not created yet.");

    protected override async Task CreateDatabaseAsync() => _dataSource = NpgsqlDataSource.Create(await database.CreateDatabaseAsync());

    protected override IMemoryStore CreateStore(TimeProvider? time = null) => new PostgresMemoryStore(DataSource, time);

    protected override async Task<long> CountFullTextEntriesAsync(string word)
    {
        await using var command = DataSource.CreateCommand("SELECT COUNT(*) FROM memory_chunks WHERE tsv @@ to_tsquery('simple', @word);");
        command.Parameters.AddWithValue("word", word);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Snapshot_FromSqliteIntoPostgres_MovesTheNamespace()
    {
        using var directory = new TempDirectory();
        var sqlite = SqliteMemoryStore.ForFile(directory.File("source.db"));
        await sqlite.InitializeAsync(CancellationToken.None);
        var ns = MemoryNamespace.Agent("mover");
        var embedder = new LexicalEmbeddingGenerator();
        await sqlite.UpsertDocumentAsync(ns, new NewMemoryDocument("d", "text/plain", new MemoryTags { Author = "ada" }, LexicalEmbeddingGenerator.ModelId, DateTimeOffset.UnixEpoch),
            OneChunk("the heron report", embedder.Embed("the heron report")), CancellationToken.None);
        using var snapshot = new MemoryStream();
        await new MemorySnapshots(sqlite, new FakeTimeProvider()).ExportAsync(ns, snapshot, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        snapshot.Position = 0;

        var postgres = CreateStore();
        await new MemorySnapshots(postgres, new FakeTimeProvider()).ImportAsync(ns, snapshot, CancellationToken.None);

        Assert.Equal(await sqlite.GetDocumentAsync(ns, "d", CancellationToken.None), await postgres.GetDocumentAsync(ns, "d", CancellationToken.None));
        var hit = Assert.Single(await postgres.SearchAsync(ns, new("heron", embedder.Embed("heron")), CancellationToken.None));
        Assert.Equal("the heron report", hit.Text);
    }

#pragma warning disable CS1998 // The store consumes chunks as an async stream.
    private static async IAsyncEnumerable<MemoryChunk> OneChunk(string text, float[] vector)
    {
        yield return new MemoryChunk(0, text, vector);
    }
#pragma warning restore CS1998

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
