namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// What the model registry shows about a GGUF model file, read from its header only.
/// Hyperparameters are null when the file does not state them.
/// </summary>
/// <remarks>
/// <c>ParameterCount</c> is the sum of the element counts of all tensors. <c>Quantization</c> comes from
/// <c>general.file_type</c> (F32, F16, Q4_K_M…), else it is the type holding most matrix bytes.
/// <c>VocabSize</c> is the length of <c>tokenizer.ggml.tokens</c>, else <c>{arch}.vocab_size</c>.
/// </remarks>
public sealed record GgufModelInfo(
    string Path,
    long FileSize,
    uint GgufVersion,
    string Architecture,
    string? Name,
    long ParameterCount,
    long? ContextLength,
    long? EmbeddingLength,
    long? BlockCount,
    long? HeadCount,
    string Quantization,
    string? ChatTemplate,
    string? TokenizerModel,
    long? VocabSize,
    int TensorCount)
{
    internal static GgufModelInfo From(GgufFile file)
    {
        var architecture = file.GetString("general.architecture");
        if (string.IsNullOrEmpty(architecture))
        {
            throw new GgufFormatException(file.Path, GgufFormatError.Corrupt,
                $"GGUF file '{file.Path}' has no general.architecture, so it is not a model llama.cpp can load. Use a model file, not an adapter or a vocabulary-only file, or convert the model again.");
        }

        long parameters = 0;
        foreach (var tensor in file.Tensors)
        {
            parameters += tensor.ElementCount;
        }

        var vocabSize = file.Metadata.TryGetValue("tokenizer.ggml.tokens", out var tokens) && tokens.IsArray
            ? tokens.ArrayLength
            : file.GetInteger($"{architecture}.vocab_size");

        return new GgufModelInfo(
            file.Path,
            file.FileSize,
            file.Version,
            architecture,
            file.GetString("general.name"),
            parameters,
            file.GetInteger($"{architecture}.context_length"),
            file.GetInteger($"{architecture}.embedding_length"),
            file.GetInteger($"{architecture}.block_count"),
            file.GetInteger($"{architecture}.attention.head_count"),
            GgufQuantization.Describe(file),
            file.GetString("tokenizer.chat_template"),
            file.GetString("tokenizer.ggml.model"),
            vocabSize,
            file.Tensors.Count);
    }
}
