namespace ChatCouncil.BotHost.Memory;

/// <summary>Opens a session; each touch extends it by <c>TtlSeconds</c> (default 30 minutes).</summary>
public sealed record OpenSessionRequest(string? ConversationId = null, int? TtlSeconds = null);
