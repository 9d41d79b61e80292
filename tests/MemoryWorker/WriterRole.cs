using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Storage;

namespace ChatCouncil.MemoryWorker;

/// <summary>Writes <c>count</c> documents to the shared namespace and as many to its own, deleting a temporary one every tenth.</summary>
internal static class WriterRole
{
    private static readonly LexicalEmbeddingGenerator Embedder = new();

    public static async Task<int> RunAsync(IMemoryStore store, WorkerOptions options)
    {
        var shared = WorkerDocuments.SharedNamespace(options.Run);
        var own = WorkerDocuments.PrivateNamespace(options.Run, options.Writer);
        for (var i = 0; i < options.Count; i++)
        {
            await UpsertAsync(store, shared, WorkerDocuments.SharedId(options.Writer, i), WorkerDocuments.SharedText(options.Writer, i));
            await UpsertAsync(store, own, WorkerDocuments.PrivateId(options.Writer, i), WorkerDocuments.PrivateText(options.Writer, i));
            if (i % 10 == 0)
            {
                var temporary = WorkerDocuments.TemporaryId(options.Writer, i);
                await UpsertAsync(store, shared, temporary, "kestrel temporary note");
                if (!await store.DeleteDocumentAsync(shared, temporary, CancellationToken.None))
                {
                    throw new InvalidOperationException($"{temporary} was written but could not be deleted.");
                }
            }
        }

        Console.WriteLine($"wrote {options.Count}");
        return 0;
    }

    private static Task<MemoryDocument> UpsertAsync(IMemoryStore store, Memory.Namespaces.MemoryNamespace ns, string id, string text) =>
        store.UpsertDocumentAsync(ns, new NewMemoryDocument(id, "text/plain", new MemoryTags { Author = id }, LexicalEmbeddingGenerator.ModelId, DateTimeOffset.UtcNow),
            Chunks(text), CancellationToken.None);

#pragma warning disable CS1998 // The store consumes chunks as an async stream.
    private static async IAsyncEnumerable<MemoryChunk> Chunks(string text)
    {
        yield return new MemoryChunk(0, text, Embedder.Embed(text));
        yield return new MemoryChunk(1, text + " continued", Embedder.Embed(text + " continued"));
    }
#pragma warning restore CS1998
}
