using System.Numerics.Tensors;
using ChatCouncil.Inference.Engine;

namespace ChatCouncil.Inference.Adapters;

/// <summary>
/// Mean-pooled, L2-normalized embeddings from one context, one input per decode: pooling several
/// sequences of one batch gave results that depended on the batch's other inputs in this
/// llama.cpp version, and an embedding must not. Calls are serialized (a context is single-threaded).
/// </summary>
public sealed class EmbeddingWorker : IDisposable
{
    private readonly LlamaContext _context;
    private readonly TokenBatch _batch;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EmbeddingWorker(LlamaModel model, int contextLength, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        _context = LlamaContext.Create(model, new ContextSettings
        {
            ContextLength = contextLength,
            BatchSize = contextLength,
            Threads = threads,
            Embeddings = true,
        });
        _batch = new TokenBatch(_context.BatchSize);
        Model = model;
    }

    public LlamaModel Model { get; }

    public int Dimensions => Model.EmbeddingLength;

    /// <summary>Most tokens one input may have.</summary>
    public int MaxInputTokens => _context.BatchSize;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var tokenized = inputs.Select(text => Model.Tokenize(text, addSpecial: true, parseSpecial: false)).ToArray();
        for (var i = 0; i < tokenized.Length; i++)
        {
            if (tokenized[i].Length > MaxInputTokens)
            {
                throw new ArgumentException($"Input {i} is {tokenized[i].Length} tokens; the embedding model takes at most {MaxInputTokens}. Split the text into chunks.", nameof(inputs));
            }

            if (tokenized[i].Length == 0)
            {
                tokenized[i] = [Model.Bos];
            }
        }

        var results = new float[inputs.Count][];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < tokenized.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _context.ClearMemory();
                _batch.Clear();
                for (var p = 0; p < tokenized[i].Length; p++)
                {
                    _batch.Add(tokenized[i][p], p, 0, wantLogits: true);
                }

                if (_context.Decode(_batch) != DecodeStatus.Ok)
                {
                    throw new InvalidOperationException("llama_decode failed while computing embeddings.");
                }

                results[i] = Normalize(_context.GetSequenceEmbedding(0));
            }
        }
        finally
        {
            _gate.Release();
        }

        return results;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _context.Dispose();
        _gate.Dispose();
    }

    private static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var result = vector.ToArray();
        var norm = TensorPrimitives.Norm(result);
        if (norm > 0)
        {
            TensorPrimitives.Divide(result, norm, result);
        }

        return result;
    }
}
