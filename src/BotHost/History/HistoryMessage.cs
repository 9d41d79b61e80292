namespace ChatCouncil.BotHost.History;

/// <summary>A stored message. <see cref="Id"/> grows with every append, so it orders a conversation.</summary>
public sealed record HistoryMessage(
    long Id,
    Guid ConversationId,
    MessageRole Role,
    string Content,
    string? ModelId,
    int? PromptTokens,
    int? CompletionTokens,
    int? LatencyMs,
    DateTimeOffset CreatedAt);
