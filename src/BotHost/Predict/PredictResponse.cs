namespace ChatCouncil.BotHost.Predict;

/// <summary>The answer of POST /predict, and the data of its final <c>done</c> event when streaming.</summary>
public sealed record PredictResponse(
    Guid ConversationId,
    string Model,
    string Text,
    string FinishReason,
    PredictUsage Usage,
    int LatencyMs);

public sealed record PredictUsage(int PromptTokens, int CompletionTokens, int CachedPromptTokens);
