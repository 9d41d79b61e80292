using System.Runtime.CompilerServices;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Storage;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Ingestion;

/// <summary>
/// The re-embedding job: when the embedding model changes, every document whose vectors another model made gets new
/// vectors from its stored chunk texts (no re-extraction). A document re-ingested meanwhile is left alone: the
/// replacement is conditional on the document being unchanged since it was read. Until it is re-embedded a stale
/// document is still found by full-text search, just not by vector search.
/// </summary>
public sealed class MemoryReembedder(IMemoryStore store, IEmbeddingGenerator<string, Embedding<float>> embeddings, string embeddingModel)
{
    /// <returns>The number of documents re-embedded.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var stale = new List<(Namespaces.MemoryNamespace Namespace, MemoryDocument Document)>();
        await foreach (var item in store.FindStaleDocumentsAsync(embeddingModel, cancellationToken))
        {
            stale.Add(item);
        }

        var done = 0;
        foreach (var (ns, document) in stale)
        {
            var chunks = await store.GetChunksAsync(ns, document.Id, cancellationToken);
            var replacement = new NewMemoryDocument(document.Id, document.ContentType, document.Tags, embeddingModel, document.UpdatedAt, document.Title, document.Link);
            var stored = await store.UpsertDocumentIfAsync(ns, replacement, EmbedAsync(chunks, cancellationToken),
                current => current.UpdatedAt == document.UpdatedAt && current.EmbeddingModel == document.EmbeddingModel, cancellationToken);
            done += stored is null ? 0 : 1;
        }

        return done;
    }

    private async IAsyncEnumerable<MemoryChunk> EmbedAsync(IReadOnlyList<StoredChunk> chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var batch in chunks.Chunk(MemoryIngestor.EmbeddingBatchSize))
        {
            var vectors = await embeddings.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                yield return new MemoryChunk(batch[i].Index, batch[i].Text, vectors[i].Vector);
            }
        }
    }
}
