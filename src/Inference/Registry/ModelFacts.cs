namespace ChatCouncil.Inference.Registry;

/// <summary>What the GGUF file and llama.cpp say about a loaded model.</summary>
public sealed record ModelFacts(
    string Architecture,
    long ParameterCount,
    long SizeBytes,
    int TrainedContextLength,
    int ContextPerConversation,
    int EmbeddingLength,
    string? Quantization,
    bool HasChatTemplate);
