namespace ChatCouncil.Inference.Generation;

/// <summary>One completion: an already-templated prompt plus limits and sampling.</summary>
public sealed record GenerationRequest
{
    /// <summary>The prompt text; ignored when <see cref="PromptTokens"/> is set.</summary>
    public string Prompt { get; init; } = string.Empty;

    /// <summary>An already-tokenized prompt (benchmarks and callers that count tokens exactly).</summary>
    public IReadOnlyList<int>? PromptTokens { get; init; }

    /// <summary>Start from cached KV of an earlier request with the same prefix (the default).</summary>
    public bool ReuseCache { get; init; } = true;

    public int MaxTokens { get; init; } = 256;

    public IReadOnlyList<string> StopSequences { get; init; } = [];

    public SamplingSettings Sampling { get; init; } = new();

    /// <summary>Keep generating past end-of-generation tokens (benchmarks that need exactly MaxTokens).</summary>
    public bool IgnoreEndOfGeneration { get; init; }
}
