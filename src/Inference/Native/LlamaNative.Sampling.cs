using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

#pragma warning disable IDE1006, CA1707 // naming: C names on purpose
internal static partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial SafeLlamaSamplerHandle llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    /// <summary>The chain takes ownership of <paramref name="sampler"/>.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, nint sampler);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_sampler_free(nint sampler);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle ctx, int idx);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_sampler_accept(SafeLlamaSamplerHandle sampler, int token);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_sampler_reset(SafeLlamaSamplerHandle sampler);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_greedy();

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_dist(uint seed);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_top_k(int k);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_min_p(float p, nuint minKeep);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_temp(float t);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_sampler_init_penalties(int nVocab, int penaltyLastN, float penaltyRepeat, float penaltyFreq, float penaltyPresent);

    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint llama_sampler_init_grammar(nint vocab, string grammarStr, string grammarRoot);
}
