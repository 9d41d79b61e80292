namespace ChatCouncil.Inference.Generation;

/// <summary>One completion: an already-templated prompt plus limits and sampling.</summary>
public sealed record GenerationRequest
{
    public required string Prompt { get; init; }

    public int MaxTokens { get; init; } = 256;

    public IReadOnlyList<string> StopSequences { get; init; } = [];

    public SamplingSettings Sampling { get; init; } = new();

    /// <summary>Keep generating past end-of-generation tokens (benchmarks that need exactly MaxTokens).</summary>
    public bool IgnoreEndOfGeneration { get; init; }
}
