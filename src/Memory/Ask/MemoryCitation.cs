namespace ChatCouncil.Memory.Ask;

/// <summary>
/// A source given to the model: its number in the prompt (<c>[1]</c>…), where it comes from (document, chunk, link) and
/// whether the answer cites it.
/// </summary>
public sealed record MemoryCitation(int Number, string DocumentId, int ChunkIndex, string? Title, string? Link, string Snippet, double Score, bool Cited);
