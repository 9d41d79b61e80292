using ChatCouncil.Inference.Native;

namespace ChatCouncil.Inference.Engine;

/// <summary>
/// A llama.cpp context: the KV cache and the compute state. Not thread-safe: one thread at a time
/// (the generation scheduler owns it). Keeps its model alive until disposed.
/// </summary>
public sealed class LlamaContext : IDisposable
{
    private readonly SafeLlamaContextHandle _handle;
    private readonly nint _memory;

    private LlamaContext(SafeLlamaContextHandle handle, LlamaModel model)
    {
        _handle = handle;
        _memory = LlamaNative.llama_get_memory(handle);
        Model = model;
        ContextLength = (int)LlamaNative.llama_n_ctx(handle);
        BatchSize = (int)LlamaNative.llama_n_batch(handle);
        Sequences = (int)LlamaNative.llama_n_seq_max(handle);
    }

    public LlamaModel Model { get; }

    public int ContextLength { get; }

    /// <summary>KV cells available to one sequence.</summary>
    public int SequenceContextLength => ContextLength / Sequences;

    public int BatchSize { get; }

    public int Sequences { get; }

    public static LlamaContext Create(LlamaModel model, ContextSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var p = LlamaNative.llama_context_default_params();
        p.NCtx = (uint)settings.ContextLength;
        p.NBatch = (uint)settings.BatchSize;
        p.NUbatch = (uint)settings.BatchSize;
        p.NSeqMax = (uint)settings.Sequences;
        p.NThreads = settings.Threads;
        p.NThreadsBatch = settings.Threads;
        p.NoPerf = 0;
        p.KvUnified = 0;
        if (model.Backend == InferenceBackend.Cpu)
        {
            // Keep a CPU model on the CPU even when the Vulkan libraries are the ones loaded.
            p.OffloadKqv = 0;
            p.OpOffload = 0;
        }

        if (settings.Embeddings)
        {
            p.Embeddings = 1;
            p.PoolingType = 1; // MEAN
        }

        var handle = LlamaNative.llama_init_from_model(model.Handle, p);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new ModelLoadException($"llama.cpp could not create a context of {settings.ContextLength} tokens for {model.Path}; lower ContextLength or free GPU memory.");
        }

        handle.AttachModel(model.Handle);
        return new LlamaContext(handle, model);
    }

    internal SafeLlamaContextHandle Handle => _handle;

    public DecodeStatus Decode(TokenBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > BatchSize)
        {
            // llama.cpp aborts the process on this; refuse it here.
            throw new ArgumentException($"A batch of {batch.Count} tokens exceeds the context's batch size {BatchSize}.", nameof(batch));
        }

        var status = LlamaNative.llama_decode(_handle, batch.Native);
        return status switch
        {
            0 => DecodeStatus.Ok,
            1 => DecodeStatus.NoKvSlot,
            2 => DecodeStatus.Aborted,
            _ => DecodeStatus.Error,
        };
    }

    public unsafe ReadOnlySpan<float> GetLogits(int batchIndex)
    {
        var p = LlamaNative.llama_get_logits_ith(_handle, batchIndex);
        return p is null ? throw new InvalidOperationException($"No logits at batch index {batchIndex}.") : new ReadOnlySpan<float>(p, Model.VocabSize);
    }

    /// <summary>The pooled embedding of a sequence (contexts created with Embeddings).</summary>
    public unsafe ReadOnlySpan<float> GetSequenceEmbedding(int sequence)
    {
        var p = LlamaNative.llama_get_embeddings_seq(_handle, sequence);
        return p is null ? throw new InvalidOperationException($"No embedding for sequence {sequence}.") : new ReadOnlySpan<float>(p, Model.EmbeddingLength);
    }

    /// <summary>Drops a sequence's cached tokens at positions [from, ∞).</summary>
    public bool TruncateSequence(int sequence, int from) => LlamaNative.llama_memory_seq_rm(_memory, sequence, from, -1);

    public void ClearMemory() => LlamaNative.llama_memory_clear(_memory, true);

    /// <summary>llama.cpp's own counters: decode-only time for prompt and generated tokens.</summary>
    public PerfCounters GetPerf()
    {
        var d = LlamaNative.llama_perf_context(_handle);
        return new PerfCounters(d.TPromptEvalMs, d.NPromptEval, d.TEvalMs, d.NEval);
    }

    public void ResetPerf() => LlamaNative.llama_perf_context_reset(_handle);

    public void Dispose() => _handle.Dispose();
}
