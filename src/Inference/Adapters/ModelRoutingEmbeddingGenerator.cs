using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Adapters;

/// <summary>The embedding generator the rest of the solution sees: the default embedding model, or the one named in the options.</summary>
public sealed class ModelRoutingEmbeddingGenerator(ModelRegistry registry) : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var lease = registry.Acquire(options?.ModelId, ModelRoles.Embedding);
        return await lease.Embeddings.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The registry owns the models.
    }
}
