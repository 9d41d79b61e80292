using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

/// <summary>A chunk as the vector index loads it.</summary>
internal sealed record IndexRow(long ChunkId, float[] Vector, IndexedDocument Document);
