namespace ChatCouncil.BotHost.Memory;

/// <summary>One vector per input, in input order, and the model that made them.</summary>
public sealed record EmbeddingResponse(string Model, int Dimensions, IReadOnlyList<float[]> Embeddings);
