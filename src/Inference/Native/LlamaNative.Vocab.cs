using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

#pragma warning disable IDE1006, CA1707 // naming: C names on purpose
internal static partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_vocab_n_tokens(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_vocab_bos(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_vocab_eos(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_vocab_eot(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_is_eog(nint vocab, int token);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial int llama_tokenize(
        nint vocab, byte* text, int textLen, int* tokens, int nTokensMax,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial int llama_token_to_piece(
        nint vocab, int token, byte* buf, int length, int lstrip, [MarshalAs(UnmanagedType.U1)] bool special);
}
