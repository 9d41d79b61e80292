using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Registry;

/// <summary>Keeps a loaded model alive for the duration of one request. Dispose exactly once.</summary>
public sealed class ModelLease : IDisposable
{
    private LoadedModel? _model;

    internal ModelLease(LoadedModel model) => _model = model;

    public string ModelId => Model.Id;

    public IChatClient Chat => Model.Chat ?? throw new ModelUnavailableException($"Model '{Model.Id}' does not have the chat role.");

    public IEmbeddingGenerator<string, Embedding<float>> Embeddings =>
        Model.Embeddings ?? throw new ModelUnavailableException($"Model '{Model.Id}' does not have the embedding role.");

    private LoadedModel Model => _model ?? throw new ObjectDisposedException(nameof(ModelLease));

    public void Dispose() => Interlocked.Exchange(ref _model, null)?.Release();
}
