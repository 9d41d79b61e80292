namespace ChatCouncil.Memory.Search;

/// <summary>
/// A hybrid search: <c>Text</c> for full-text ranking and <c>Vector</c> (its embedding) for similarity.
/// <c>MinRelevance</c> is the relevance floor: vector matches whose cosine similarity is below it are dropped before
/// fusion; full-text matches contain a query term and always count as relevant.
/// </summary>
public sealed record MemoryQuery(string Text, ReadOnlyMemory<float> Vector, MemoryFilter? Filter = null, int Limit = 10, double MinRelevance = 0)
{
    public const int MaxLimit = 100;
}
