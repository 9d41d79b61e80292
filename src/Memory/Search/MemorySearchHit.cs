using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Search;

/// <summary>
/// One chunk found by a search. <c>Score</c> is its reciprocal-rank fusion score (higher is better); <c>Similarity</c>
/// its cosine similarity to the query when it was among the vector candidates; <c>VectorRank</c> and <c>TextRank</c> its
/// 1-based ranks in the vector and full-text candidate lists, null where it was absent.
/// </summary>
public sealed record MemorySearchHit(
    string DocumentId,
    int ChunkIndex,
    string Text,
    string? Title,
    string? Link,
    MemoryTags Tags,
    double Score,
    double? Similarity,
    int? VectorRank,
    int? TextRank);
