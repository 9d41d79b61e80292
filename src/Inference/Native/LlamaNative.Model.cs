using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

// Names are kept verbatim from llama.h so the binding can be checked against the header line by line.
#pragma warning disable IDE1006, CA1707 // naming: C names on purpose
internal static partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_backend_init();

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_version();

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_print_system_info();

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial SafeLlamaModelHandle llama_model_load_from_file(string pathModel, LlamaModelParams parameters);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial void llama_model_free(nint model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial nint llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_model_n_embd(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial int llama_model_n_layer(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial ulong llama_model_n_params(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static partial ulong llama_model_size(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_model_has_encoder(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial int llama_model_desc(SafeLlamaModelHandle model, byte* buf, nuint bufSize);

    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int llama_model_meta_val_str(SafeLlamaModelHandle model, string key, byte* buf, nuint bufSize);

    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint llama_model_chat_template(SafeLlamaModelHandle model, string? name);

    [LibraryImport(NativeLibraryNames.Llama)]
    public static unsafe partial int llama_chat_apply_template(
        byte* tmpl, LlamaChatMessage* chat, nuint nMsg, [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buf, int length);
}
