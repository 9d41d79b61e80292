using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

/// <summary><c>struct llama_batch</c> (56 bytes): arrays owned by whoever allocated them.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}
