using Microsoft.Extensions.AI;

namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// The host's embedding generator pinned to one configured model, so every memory vector is made (and recorded) with
/// the model named in <c>Memory:EmbeddingModel</c> even when the default embedding model is swapped.
/// </summary>
internal sealed class ModelEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string modelId) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("chatcouncil-inference", null, modelId);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var pinned = options?.Clone() ?? new EmbeddingGenerationOptions();
        pinned.ModelId = modelId;
        return inner.GenerateAsync(values, pinned, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The inner generator belongs to the container.
    }
}
