namespace ChatCouncil.BotHost.Memory;

/// <summary>Whether the promotion won, and the global memory that holds the key now (this one, or the one that beat it).</summary>
public sealed record PromoteResponse(bool Promoted, MemoryDocumentResponse Holder);
