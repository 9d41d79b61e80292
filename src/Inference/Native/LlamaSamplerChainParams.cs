using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

/// <summary><c>struct llama_sampler_chain_params</c> (one C bool).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public byte NoPerf;
}
