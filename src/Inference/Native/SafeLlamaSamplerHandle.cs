using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

/// <summary>Owns a sampler chain (<c>llama_sampler*</c>); the chain owns the samplers added to it.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_sampler_free(handle);
        return true;
    }
}
