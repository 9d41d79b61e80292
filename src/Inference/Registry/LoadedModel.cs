using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Registry;

/// <summary>
/// One loaded instance of a configured model. Reference-counted: the registry holds one reference
/// while the instance is current and every request holds one while it runs, so a hot swap frees
/// the old instance only when its last request finishes.
/// </summary>
internal sealed class LoadedModel(
    string id,
    string backend,
    ModelFacts? facts,
    IChatClient? chat,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings,
    IReadOnlyList<IDisposable> resources)
{
    private int _references = 1;

    public string Id { get; } = id;

    public string Backend { get; } = backend;

    public ModelFacts? Facts { get; } = facts;

    public IChatClient? Chat { get; } = chat;

    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; } = embeddings;

    /// <summary>Requests running on this instance (references beyond the registry's own).</summary>
    public int InFlight => Math.Max(0, Volatile.Read(ref _references) - 1);

    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            // Dispose in reverse order of creation: clients, then contexts, then the model.
            for (var i = resources.Count - 1; i >= 0; i--)
            {
                resources[i].Dispose();
            }
        }
    }
}
