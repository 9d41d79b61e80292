using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

/// <summary><c>struct llama_perf_context_data</c>: llama.cpp's own timing counters for a context.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaPerfContextData
{
    public double TStartMs;
    public double TLoadMs;
    public double TPromptEvalMs;
    public double TEvalMs;
    public int NPromptEval;
    public int NEval;
    public int NReused;
}
