namespace ChatCouncil.Memory.Search;

/// <summary>A vector index result: the chunk's id and its cosine similarity to the query.</summary>
public readonly record struct VectorMatch(long ChunkId, float Similarity);
