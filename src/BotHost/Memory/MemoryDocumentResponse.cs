using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;

namespace ChatCouncil.BotHost.Memory;

/// <summary>A stored document (or an agent's memory) as the API shows it.</summary>
public sealed record MemoryDocumentResponse(
    string Namespace,
    string Id,
    string ContentType,
    string? Title,
    string? Link,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset? Time,
    string EmbeddingModel,
    int ChunkCount,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string>? Chunks = null)
{
    public static MemoryDocumentResponse From(MemoryNamespace ns, MemoryDocument d, IReadOnlyList<StoredChunk>? chunks = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(ns.ToString(), d.Id, d.ContentType, d.Title, d.Link, d.Tags.ToDictionary(), d.Tags.Time, d.EmbeddingModel, d.ChunkCount,
            d.UpdatedAt, chunks?.Select(c => c.Text).ToArray());
    }
}
