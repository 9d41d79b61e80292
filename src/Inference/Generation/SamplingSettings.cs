namespace ChatCouncil.Inference.Generation;

/// <summary>Sampling for one request. Temperature 0 means greedy.</summary>
public sealed record SamplingSettings
{
    public float Temperature { get; init; } = 0.8f;

    public int TopK { get; init; } = 40;

    public float TopP { get; init; } = 0.95f;

    public float MinP { get; init; } = 0.05f;

    public float RepeatPenalty { get; init; } = 1.0f;

    public int RepeatLastN { get; init; } = 64;

    public float FrequencyPenalty { get; init; }

    public float PresencePenalty { get; init; }

    /// <summary>Fixed seed for reproducible sampling; random when null.</summary>
    public uint? Seed { get; init; }

    /// <summary>A GBNF grammar (rule <c>root</c>) every generated token must fit.</summary>
    public string? Grammar { get; init; }
}
