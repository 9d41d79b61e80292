namespace ChatCouncil.Memory.Records;

/// <summary>A stored document: its metadata and how many chunks it was split into.</summary>
public sealed record MemoryDocument(
    string Id,
    string ContentType,
    MemoryTags Tags,
    string EmbeddingModel,
    DateTimeOffset UpdatedAt,
    int ChunkCount,
    string? Title = null,
    string? Link = null);
