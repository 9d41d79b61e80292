namespace ChatCouncil.Inference.Native;

/// <summary>Logical library names used in <c>LibraryImport</c>; <see cref="NativeLibraryLoader"/> maps them to files.</summary>
internal static class NativeLibraryNames
{
    public const string Llama = "llama";
    public const string Ggml = "ggml";
    public const string GgmlBase = "ggml-base";
}
