namespace ChatCouncil.BotHost.Chat;

/// <summary>What a running chat turn produces: text pieces, then one completion.</summary>
public abstract record ChatTurnEvent;

public sealed record ChatTurnToken(string Text) : ChatTurnEvent;

public sealed record ChatTurnCompleted(
    Guid ConversationId,
    string ModelId,
    string Text,
    string FinishReason,
    int PromptTokens,
    int CompletionTokens,
    int CachedPromptTokens,
    int LatencyMs) : ChatTurnEvent;
