using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

#pragma warning disable IDE1006, CA1707 // naming: C names on purpose
internal static partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial SafeLlamaContextHandle llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_free(nint ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial uint llama_n_ctx(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial uint llama_n_batch(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial uint llama_n_ubatch(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial uint llama_n_seq_max(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_decode(SafeLlamaContextHandle ctx, LlamaBatch batch);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_set_n_threads(SafeLlamaContextHandle ctx, int nThreads, int nThreadsBatch);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial float* llama_get_logits_ith(SafeLlamaContextHandle ctx, int i);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial float* llama_get_embeddings_seq(SafeLlamaContextHandle ctx, int seqId);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial float* llama_get_embeddings_ith(SafeLlamaContextHandle ctx, int i);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_pooling_type(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_get_memory(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_memory_clear(nint mem, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_memory_seq_rm(nint mem, int seqId, int p0, int p1);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_memory_seq_pos_max(nint mem, int seqId);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial LlamaBatch llama_batch_init(int nTokens, int embd, int nSeqMax);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_batch_free(LlamaBatch batch);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial LlamaPerfContextData llama_perf_context(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_perf_context_reset(SafeLlamaContextHandle ctx);
}
