namespace ChatCouncil.BotHost.Memory;

/// <summary>The global key to promote under; the memory's own id when absent.</summary>
public sealed record PromoteRequest(string? Key = null);
