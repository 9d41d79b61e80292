using System.Text;
using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Extraction;
using ChatCouncil.Memory.Ingestion;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.TestSupport.Files;
using ChatCouncil.TestSupport.Time;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.Memory.Tests.Ingestion;

public sealed class MemoryIngestorTests : IAsyncLifetime, IDisposable
{
    private static readonly MemoryNamespace Ns = MemoryNamespace.Agent("ingest");
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();
    private SqliteMemoryStore _store = null!;
    private MemoryIngestor _ingestor = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteMemoryStore.ForFile(_directory.File("memory.db"));
        await _store.InitializeAsync(CancellationToken.None);
        _ingestor = new MemoryIngestor(_store, new LexicalEmbeddingGenerator(), ContentExtractors.Default,
            new ChunkingOptions { ChunkTokens = 32, OverlapTokens = 8 }, _time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IngestAsync_LargeText_StoresOrderedOverlappingChunksWithModelAndTime()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"token{i}"));

        var document = await IngestAsync("big", "text/plain; charset=utf-8", text);

        var chunks = await _store.GetChunksAsync(Ns, "big", CancellationToken.None);
        Assert.Equal(document.ChunkCount, chunks.Count);
        Assert.True(chunks.Count > 30);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.StartsWith("token0 ", chunks[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("token999", chunks[^1].Text, StringComparison.Ordinal);
        Assert.Equal(LexicalEmbeddingGenerator.ModelId, document.EmbeddingModel);
        Assert.Equal("text/plain", document.ContentType);
        Assert.Equal(_time.GetUtcNow(), document.UpdatedAt);
    }

    [Theory]
    [InlineData("text/plain", "   \n\t ")]
    [InlineData("text/markdown", "***\n\n---\n")]
    [InlineData("text/html", "<html><body><script>x()</script></body></html>")]
    [InlineData("application/json", "{\"a\": null, \"b\": []}")]
    public async Task IngestAsync_NoText_ThrowsEmptyAndStoresNothing(string type, string content)
    {
        await Assert.ThrowsAsync<EmptyDocumentException>(() => IngestAsync("empty", type, content));

        Assert.Null(await _store.GetDocumentAsync(Ns, "empty", CancellationToken.None));
    }

    [Fact]
    public async Task IngestAsync_OverSizeLimit_ThrowsTooLargeAndKeepsPreviousVersion()
    {
        await IngestAsync("doc", "text/plain", "the first version");
        using var content = new SizeLimitedStream(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 5000) + " more")), 4096);

        await Assert.ThrowsAsync<DocumentTooLargeException>(() =>
            _ingestor.IngestAsync(Ns, new DocumentInput("doc", "text/plain", MemoryTags.Empty), content, CancellationToken.None));

        Assert.Equal("the first version", Assert.Single(await _store.GetChunksAsync(Ns, "doc", CancellationToken.None)).Text);
    }

    [Fact]
    public async Task IngestAsync_UnsupportedType_ThrowsBeforeReading()
    {
        using var content = new MemoryStream([1, 2, 3]);

        await Assert.ThrowsAsync<UnsupportedContentTypeException>(() =>
            _ingestor.IngestAsync(Ns, new DocumentInput("pdf", "application/pdf", MemoryTags.Empty), content, CancellationToken.None));

        Assert.Equal(0, content.Position);
        Assert.False(await _store.NamespaceExistsAsync(Ns, CancellationToken.None));
    }

    [Fact]
    public async Task IngestAsync_InvalidJson_ThrowsInvalidDocument() =>
        await Assert.ThrowsAsync<InvalidDocumentException>(() => IngestAsync("bad", "application/json", "{oops"));

    private async Task<MemoryDocument> IngestAsync(string id, string type, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await _ingestor.IngestAsync(Ns, new DocumentInput(id, type, MemoryTags.Empty), content, CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
