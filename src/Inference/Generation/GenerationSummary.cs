namespace ChatCouncil.Inference.Generation;

/// <summary>What a finished generation cost. ReusedPromptTokens came from the KV cache and were not decoded again.</summary>
public sealed record GenerationSummary(
    FinishReason FinishReason,
    int PromptTokens,
    int CompletionTokens,
    int ReusedPromptTokens,
    TimeSpan TimeToFirstToken,
    TimeSpan Elapsed);
