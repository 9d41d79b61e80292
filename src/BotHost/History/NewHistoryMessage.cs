namespace ChatCouncil.BotHost.History;

/// <summary>A message to append. Usage fields are null where they do not apply (a user's message has no completion).</summary>
public sealed record NewHistoryMessage(
    MessageRole Role,
    string Content,
    string? ModelId = null,
    int? PromptTokens = null,
    int? CompletionTokens = null,
    int? LatencyMs = null);
