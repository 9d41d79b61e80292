using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;
using ChatCouncil.TestSupport.Redis;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Memory.Tests.Storage;

/// <summary>
/// Redis invalidation between store instances that stand for separate processes: each has its own Redis connection
/// and its own index cache, and they share one database. Searches here send no text, so only the in-process vector
/// index can find anything: full text always reads the database and would hide a stale index.
/// </summary>
public abstract class IndexInvalidationTests : IAsyncLifetime
{
    private static readonly LexicalEmbeddingGenerator Embedder = new();
    private readonly List<IDisposable> _disposables = [];
    private readonly string _channel = RedisTestServer.NewChannel();

    protected abstract Task CreateDatabaseAsync();

    protected abstract SqlMemoryStore CreateStore(TimeProvider time, IIndexInvalidation? invalidation);

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        await CreateStore(TimeProvider.System, null).InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Search_AfterAnotherProcessWrites_SeesItThroughTheInvalidation()
    {
        var (writerBus, readerBus) = (Listen(RedisTestServer.Configuration), Listen(RedisTestServer.Configuration));
        var (writer, reader) = (CreateStore(TimeProvider.System, writerBus), CreateStore(TimeProvider.System, readerBus));
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "first", "pelican feeding schedule");
        Assert.Single(await VectorSearchAsync(reader, ns, "pelican feeding"));

        // The channel is this test's own, so the count of announcements is the count of writes.
        await UpsertAsync(writer, ns, "second", "pelican feeding grounds");
        await WaitUntilAsync(() => readerBus.Received >= 2, "the reader never received the invalidation");
        Assert.Equal(["first", "second"], (await VectorSearchAsync(reader, ns, "pelican feeding")).Select(h => h.DocumentId).Order());

        await writer.DeleteDocumentAsync(ns, "first", CancellationToken.None);
        await WaitUntilAsync(() => readerBus.Received >= 3, "the reader never received the delete's invalidation");
        Assert.Equal("second", Assert.Single(await VectorSearchAsync(reader, ns, "pelican feeding")).DocumentId);
    }

    [Fact]
    public async Task Search_TwoStoresSharingOneConnection_BothHearTheAnnouncement()
    {
        var (writerBus, readerBus) = (Listen(RedisTestServer.Configuration), Listen(RedisTestServer.Configuration));
        var writer = CreateStore(TimeProvider.System, writerBus);
        var readers = new[] { CreateStore(TimeProvider.System, readerBus), CreateStore(TimeProvider.System, readerBus) };
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "first", "stork migration path");
        foreach (var reader in readers)
        {
            Assert.Single(await VectorSearchAsync(reader, ns, "stork migration"));
        }

        await UpsertAsync(writer, ns, "second", "stork migration timing");
        await WaitUntilAsync(() => readerBus.Received >= 2, "the readers never received the invalidation");
        foreach (var reader in readers)
        {
            Assert.Equal(2, (await VectorSearchAsync(reader, ns, "stork migration")).Count);
        }
    }

    [Fact]
    public async Task Search_WhileListening_TrustsItsIndexUntilTheVerifyInterval()
    {
        // The writer announces nothing, so only the periodic verification can reveal its write: this shows that a
        // listening reader does not ask the database on every search.
        var time = new FakeTimeProvider();
        var readerBus = Listen(RedisTestServer.Configuration);
        var (writer, reader) = (CreateStore(time, null), CreateStore(time, readerBus));
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "first", "heron roost count");
        Assert.Single(await VectorSearchAsync(reader, ns, "heron roost"));

        await UpsertAsync(writer, ns, "second", "heron roost map");
        time.Advance(reader.VerifyInterval - TimeSpan.FromSeconds(1));
        Assert.Single(await VectorSearchAsync(reader, ns, "heron roost"));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await VectorSearchAsync(reader, ns, "heron roost")).Count);
    }

    [Fact]
    public async Task Search_RedisUnreachable_FallsBackToTheVersionCheckAndWritesStillLand()
    {
        using var redis = new RedisProcess();
        redis.Stop();
        var (writerBus, readerBus) = (Listen(redis.Configuration), Listen(redis.Configuration));
        Assert.False(readerBus.IsListening);
        var (writer, reader) = (CreateStore(TimeProvider.System, writerBus), CreateStore(TimeProvider.System, readerBus));
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "first", "egret wading depth");
        Assert.Single(await VectorSearchAsync(reader, ns, "egret wading"));

        await UpsertAsync(writer, ns, "second", "egret wading season");
        Assert.Equal(2, (await VectorSearchAsync(reader, ns, "egret wading")).Count);
    }

    [Fact]
    public async Task Search_AfterRedisRestarts_VerifiesIndexesThatMayHaveMissedWrites()
    {
        using var redis = new RedisProcess();
        var time = new FakeTimeProvider();
        var readerBus = Listen(redis.Configuration);
        var writer = CreateStore(time, Listen(redis.Configuration));
        var reader = CreateStore(time, readerBus);
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "first", "ibis flock route");
        await WaitUntilAsync(() => readerBus.IsListening, "the reader never subscribed");
        Assert.Single(await VectorSearchAsync(reader, ns, "ibis flock"));

        redis.Stop();
        await WaitUntilAsync(() => !readerBus.IsListening, "the reader never noticed Redis went away");
        await UpsertAsync(writer, ns, "second", "ibis flock size");
        redis.Start();
        await WaitUntilAsync(() => readerBus.IsListening, "the reader never resubscribed");

        // The clock has not moved, so only the reset on resubscribing makes the reader look at the database again.
        Assert.Equal(2, (await VectorSearchAsync(reader, ns, "ibis flock")).Count);
    }

    private RedisIndexInvalidation Listen(string configuration)
    {
        var bus = RedisIndexInvalidation.Connect(configuration, _channel);
        _disposables.Add(bus);
        return bus;
    }

    private static MemoryNamespace NewAgent() => MemoryNamespace.Agent("t-" + Guid.NewGuid().ToString("N"));

    private static Task<MemoryDocument> UpsertAsync(SqlMemoryStore store, MemoryNamespace ns, string id, string text) =>
        store.UpsertDocumentAsync(ns, new NewMemoryDocument(id, "text/plain", MemoryTags.Empty, LexicalEmbeddingGenerator.ModelId, DateTimeOffset.UnixEpoch),
            Chunk(text), CancellationToken.None);

    private static Task<IReadOnlyList<MemorySearchHit>> VectorSearchAsync(SqlMemoryStore store, MemoryNamespace ns, string text) =>
        store.SearchAsync(ns, new MemoryQuery(string.Empty, Embedder.Embed(text), MinRelevance: 0.3), CancellationToken.None);

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), failure);
    }

#pragma warning disable CS1998 // The store consumes chunks as an async stream.
    private static async IAsyncEnumerable<MemoryChunk> Chunk(string text)
    {
        yield return new MemoryChunk(0, text, Embedder.Embed(text));
    }
#pragma warning restore CS1998
}
