namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// A listing (no <c>q</c>: <see cref="Documents"/>, newest first) or a search (<c>q</c> given: <see cref="Hits"/>, best first).
/// </summary>
public sealed record MemoryListResponse(string Namespace, IReadOnlyList<MemoryDocumentResponse>? Documents, IReadOnlyList<MemoryHitResponse>? Hits);
