using System.Runtime.CompilerServices;
using ChatCouncil.Memory.Extraction;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Storage;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Ingestion;

/// <summary>
/// The ingestion pipeline: extract text for the content type, chunk it, embed the chunks in batches and store them,
/// replacing an earlier version of the document. Streaming end to end: at most one batch of chunks is in memory
/// besides the extractor's own state, and everything is written in one transaction, so a document that turns out to
/// be empty, too large or malformed part-way through leaves the store unchanged. Thread-safe.
/// </summary>
public sealed class MemoryIngestor
{
    public const int EmbeddingBatchSize = 32;

    private readonly IMemoryStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly ContentExtractors _extractors;
    private readonly TextChunker _chunker;
    private readonly TimeProvider _time;

    public MemoryIngestor(
        IMemoryStore store, IEmbeddingGenerator<string, Embedding<float>> embeddings, ContentExtractors extractors, ChunkingOptions chunking, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _embeddings = embeddings;
        _extractors = extractors ?? throw new ArgumentNullException(nameof(extractors));
        _chunker = new TextChunker(chunking);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        EmbeddingModel = ModelNameOf(embeddings);
    }

    /// <summary>The name recorded with vectors from <paramref name="embeddings"/>: its metadata's model id, else its type name.</summary>
    public static string ModelNameOf(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? embeddings.GetType().Name;
    }

    /// <summary>The name recorded with every vector this ingestor makes.</summary>
    public string EmbeddingModel { get; }

    /// <exception cref="UnsupportedContentTypeException">No extractor handles the content type (checked before reading).</exception>
    /// <exception cref="EmptyDocumentException">The document has no text.</exception>
    /// <exception cref="InvalidDocumentException">The content does not parse as its type.</exception>
    /// <exception cref="DocumentTooLargeException">A <see cref="SizeLimitedStream"/> passed as content went over its limit.</exception>
    public async Task<MemoryDocument> IngestAsync(MemoryNamespace ns, DocumentInput input, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(content);
        if (MemoryDocumentId.Validate(input.Id) is { } error)
        {
            throw new ArgumentException(error, nameof(input));
        }

        var extractor = _extractors.For(input.ContentType);
        var document = new NewMemoryDocument(input.Id, ContentExtractors.Normalize(input.ContentType)!, input.Tags, EmbeddingModel,
            _time.GetUtcNow(), input.Title, input.Link);
        var texts = _chunker.ChunkAsync(extractor.ExtractAsync(content, cancellationToken), cancellationToken);
        return await _store.UpsertDocumentAsync(ns, document, EmbedAsync(texts, cancellationToken), cancellationToken);
    }

    /// <summary>Ingests a short text (a single memory) as a plain-text document.</summary>
    public async Task<MemoryDocument> IngestTextAsync(MemoryNamespace ns, DocumentInput input, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await IngestAsync(ns, input with { ContentType = "text/plain" }, content, cancellationToken);
    }

    private async IAsyncEnumerable<MemoryChunk> EmbedAsync(IAsyncEnumerable<string> texts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<string>(EmbeddingBatchSize);
        var index = 0;
        await foreach (var text in texts.WithCancellation(cancellationToken))
        {
            batch.Add(text);
            if (batch.Count == EmbeddingBatchSize)
            {
                foreach (var chunk in await EmbedBatchAsync(batch, index, cancellationToken))
                {
                    yield return chunk;
                }

                index += batch.Count;
                batch.Clear();
            }
        }

        if (index == 0 && batch.Count == 0)
        {
            throw new EmptyDocumentException();
        }

        foreach (var chunk in await EmbedBatchAsync(batch, index, cancellationToken))
        {
            yield return chunk;
        }
    }

    private async Task<IReadOnlyList<MemoryChunk>> EmbedBatchAsync(List<string> batch, int firstIndex, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var embeddings = await _embeddings.GenerateAsync(batch, cancellationToken: cancellationToken);
        if (embeddings.Count != batch.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {batch.Count} texts.");
        }

        return [.. batch.Select((text, i) => new MemoryChunk(firstIndex + i, text, embeddings[i].Vector))];
    }
}
