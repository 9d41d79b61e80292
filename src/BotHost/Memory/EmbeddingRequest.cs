namespace ChatCouncil.BotHost.Memory;

/// <summary>Texts to embed with memory's embedding model (at most 256).</summary>
public sealed record EmbeddingRequest(IReadOnlyList<string>? Input)
{
    public const int MaxInputs = 256;
}
