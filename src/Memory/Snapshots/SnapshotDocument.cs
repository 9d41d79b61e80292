namespace ChatCouncil.Memory.Snapshots;

/// <summary>One line of a snapshot after the header: a document with its chunks.</summary>
public sealed record SnapshotDocument(
    string Id,
    string ContentType,
    string? Title,
    string? Link,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset? Time,
    string EmbeddingModel,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SnapshotChunk> Chunks);
