using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

#pragma warning disable IDE1006, CA1707 // naming: C names on purpose
internal static partial class LlamaNative
{
    /// <summary>Routes llama.cpp's and ggml's log. <paramref name="callback"/> is <c>void(*)(int level, const char*, void*)</c>.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial void llama_log_set(delegate* unmanaged<int, byte*, nint, void> callback, nint userData);
}
