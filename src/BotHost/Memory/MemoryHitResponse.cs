using ChatCouncil.Memory.Search;

namespace ChatCouncil.BotHost.Memory;

/// <summary>One search result: the chunk, where it comes from, its fused score and its rank in each ranking.</summary>
public sealed record MemoryHitResponse(
    string DocumentId,
    int ChunkIndex,
    string Text,
    string? Title,
    string? Link,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset? Time,
    double Score,
    double? Similarity,
    int? VectorRank,
    int? TextRank)
{
    public static MemoryHitResponse From(MemorySearchHit h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.DocumentId, h.ChunkIndex, h.Text, h.Title, h.Link, h.Tags.ToDictionary(), h.Tags.Time, h.Score, h.Similarity, h.VectorRank, h.TextRank);
    }
}
