namespace ChatCouncil.Memory.Records;

/// <summary>
/// A document to store (or to replace, when its id exists in the namespace). <c>EmbeddingModel</c> names the model
/// that made the chunks' vectors, so a model change can be found and the document re-embedded.
/// </summary>
public sealed record NewMemoryDocument(
    string Id,
    string ContentType,
    MemoryTags Tags,
    string EmbeddingModel,
    DateTimeOffset UpdatedAt,
    string? Title = null,
    string? Link = null);
