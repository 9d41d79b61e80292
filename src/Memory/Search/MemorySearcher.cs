using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Storage;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Search;

/// <summary>Embeds a question with the same generator that embedded the documents and runs the store's hybrid search. Thread-safe.</summary>
public sealed class MemorySearcher(IMemoryStore store, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    public async Task<IReadOnlyList<MemorySearchHit>> SearchAsync(
        MemoryNamespace ns, string text, MemoryFilter? filter, int limit, double minRelevance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var vector = (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector;
        return await store.SearchAsync(ns, new MemoryQuery(text, vector, filter, limit, minRelevance), cancellationToken);
    }

    /// <summary>
    /// Searches several namespaces, explicitly named, and merges by fused score. The only way a search spans namespaces.
    /// </summary>
    public async Task<IReadOnlyList<(MemoryNamespace Namespace, MemorySearchHit Hit)>> SearchAcrossAsync(
        IReadOnlyList<MemoryNamespace> namespaces, string text, MemoryFilter? filter, int limit, double minRelevance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var vector = (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector;
        var all = new List<(MemoryNamespace, MemorySearchHit)>();
        foreach (var ns in namespaces.Distinct())
        {
            var hits = await store.SearchAsync(ns, new MemoryQuery(text, vector, filter, limit, minRelevance), cancellationToken);
            all.AddRange(hits.Select(h => (ns, h)));
        }

        return [.. all.OrderByDescending(x => x.Item2.Score).ThenBy(x => x.Item1.ToString(), StringComparer.Ordinal).Take(limit)];
    }
}
