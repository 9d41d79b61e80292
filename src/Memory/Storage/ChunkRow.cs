using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Storage;

/// <summary>A chunk with its document's metadata, read to build search results.</summary>
internal sealed record ChunkRow(long ChunkId, string DocumentId, int ChunkIndex, string Text, string? Title, string? Link, MemoryTags Tags);
