using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Storage;

namespace ChatCouncil.Memory.Sync;

/// <summary>
/// Promotes an agent's memory into the global namespace under a key. When the key is taken, the claims are compared
/// (<see cref="PromotionClaim.Beats"/>) inside the store's write transaction, so two agents promoting at once end in the
/// same state whichever commits first. Chunks and vectors are copied, not re-embedded. Thread-safe.
/// </summary>
public sealed class MemoryPromoter(IMemoryStore store)
{
    /// <exception cref="KeyNotFoundException">The agent has no such memory.</exception>
    public async Task<PromotionResult> PromoteAsync(string agentId, int priority, string documentId, string? key, CancellationToken cancellationToken)
    {
        var source = MemoryNamespace.Agent(agentId);
        key ??= documentId;
        if (MemoryDocumentId.Validate(key) is { } error)
        {
            throw new ArgumentException(error, nameof(key));
        }

        var document = await store.GetDocumentAsync(source, documentId, cancellationToken)
            ?? throw new KeyNotFoundException($"Agent '{agentId}' has no memory '{documentId}'.");
        var chunks = await store.GetChunksWithVectorsAsync(source, documentId, cancellationToken);
        var claim = new PromotionClaim(document.Tags.Time ?? document.UpdatedAt, priority, agentId);
        // The claim's time travels as the tag time, so the next comparison sees the same time this one used.
        var tags = PromotionTags.Add(document.Tags with { Time = claim.Time }, agentId, priority, documentId);
        var promoted = new NewMemoryDocument(key, document.ContentType, tags, document.EmbeddingModel, document.UpdatedAt, document.Title, document.Link);

        var stored = await store.UpsertDocumentIfAsync(
            MemoryNamespace.Global, promoted, ToAsync(chunks), holder => claim.Beats(PromotionTags.ClaimOf(holder)), cancellationToken);
        return stored is not null
            ? new PromotionResult(true, stored)
            : new PromotionResult(false, (await store.GetDocumentAsync(MemoryNamespace.Global, key, cancellationToken))!);
    }

#pragma warning disable CS1998 // The store consumes chunks as an async stream; these are already in memory.
    private static async IAsyncEnumerable<MemoryChunk> ToAsync(IReadOnlyList<MemoryChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            yield return chunk;
        }
    }
#pragma warning restore CS1998
}
