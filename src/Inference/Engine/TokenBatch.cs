using ChatCouncil.Inference.Native;

namespace ChatCouncil.Inference.Engine;

/// <summary>A reusable native <c>llama_batch</c> that tokens of several sequences are added to.</summary>
public sealed unsafe class TokenBatch : IDisposable
{
    private LlamaBatch _batch;
    private bool _disposed;

    public TokenBatch(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _batch = LlamaNative.llama_batch_init(capacity, 0, 1);
    }

    public int Capacity { get; }

    public int Count => _batch.NTokens;

    internal LlamaBatch Native => _batch;

    public void Clear() => _batch.NTokens = 0;

    /// <summary>Adds a token and returns its index in the batch (the index to read logits at).</summary>
    public int Add(int token, int position, int sequence, bool wantLogits)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var i = _batch.NTokens;
        if (i >= Capacity)
        {
            throw new InvalidOperationException($"The batch holds at most {Capacity} tokens.");
        }

        _batch.Token[i] = token;
        _batch.Pos[i] = position;
        _batch.NSeqId[i] = 1;
        _batch.SeqId[i][0] = sequence;
        _batch.Logits[i] = wantLogits ? (sbyte)1 : (sbyte)0;
        _batch.NTokens = i + 1;
        return i;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _batch.NTokens = Capacity;
            LlamaNative.llama_batch_free(_batch);
        }
    }
}
