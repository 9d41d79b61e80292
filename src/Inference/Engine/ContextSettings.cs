namespace ChatCouncil.Inference.Engine;

/// <summary>How a <see cref="LlamaContext"/> is created.</summary>
public sealed record ContextSettings
{
    /// <summary>Total KV cells; with several sequences each gets ContextLength / Sequences.</summary>
    public int ContextLength { get; init; } = 2048;

    /// <summary>Most tokens submitted in one decode call.</summary>
    public int BatchSize { get; init; } = 512;

    public int Sequences { get; init; } = 1;

    public int Threads { get; init; } = 1;

    public bool Embeddings { get; init; }
}
