using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using ChatCouncil.Inference.Native;

namespace ChatCouncil.Inference.Engine;

/// <summary>
/// A loaded GGUF model and its vocabulary. Thread-safe for tokenization and metadata; contexts
/// created from it hold a reference, so disposing the model while a context lives is safe.
/// </summary>
public sealed class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle _handle;
    private readonly nint _vocab;

    private LlamaModel(SafeLlamaModelHandle handle, string path, InferenceBackend backend)
    {
        _handle = handle;
        _vocab = LlamaNative.llama_model_get_vocab(handle);
        Path = path;
        Backend = backend;
        TrainedContextLength = LlamaNative.llama_model_n_ctx_train(handle);
        EmbeddingLength = LlamaNative.llama_model_n_embd(handle);
        ParameterCount = (long)LlamaNative.llama_model_n_params(handle);
        SizeBytes = (long)LlamaNative.llama_model_size(handle);
        VocabSize = LlamaNative.llama_vocab_n_tokens(_vocab);
        Bos = LlamaNative.llama_vocab_bos(_vocab);
        Eos = LlamaNative.llama_vocab_eos(_vocab);
        ChatTemplate = Marshal.PtrToStringUTF8(LlamaNative.llama_model_chat_template(handle, null));
        Description = ReadDescription(handle);
    }

    public string Path { get; }

    public InferenceBackend Backend { get; }

    public int TrainedContextLength { get; }

    public int EmbeddingLength { get; }

    public long ParameterCount { get; }

    public long SizeBytes { get; }

    public int VocabSize { get; }

    public int Bos { get; }

    public int Eos { get; }

    public string? ChatTemplate { get; }

    public string Description { get; }

    internal SafeLlamaModelHandle Handle => _handle;

    internal nint Vocab => _vocab;

    /// <summary>Loads a GGUF file. The file must have been validated (by the GGUF reader) so llama.cpp never sees garbage.</summary>
    public static unsafe LlamaModel Load(LlamaRuntime runtime, string path, ModelLoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(settings);
        var backend = runtime.Resolve(settings.Backend);
        var parameters = LlamaNative.llama_model_default_params();
        parameters.LoadMode = settings.Trainable ? 0 : parameters.LoadMode;

        // An explicit device list: empty (CPU only) or the Vulkan devices. NULL would mean "every device".
        var devices = stackalloc nint[runtime.GpuDevices.Length + 1];
        var count = 0;
        if (backend == InferenceBackend.Vulkan)
        {
            foreach (var device in runtime.GpuDevices)
            {
                devices[count++] = device;
            }
        }

        devices[count] = IntPtr.Zero;
        parameters.Devices = (nint)devices;
        parameters.NGpuLayers = backend == InferenceBackend.Cpu ? 0 : settings.GpuLayers;

        var handle = LlamaNative.llama_model_load_from_file(path, parameters);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new ModelLoadException($"llama.cpp could not load {path}; its log above names the reason. Check that the file is a complete GGUF model supported by llama.cpp v0.5.0.");
        }

        return new LlamaModel(handle, path, backend);
    }

    /// <summary>Tokenizes UTF-8 text. <paramref name="parseSpecial"/> lets control tokens such as &lt;|im_start|&gt; through.</summary>
    public unsafe int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var capacity = bytes.Length + 8;
        while (true)
        {
            var tokens = new int[capacity];
            int n;
            fixed (byte* b = bytes)
            fixed (int* t = tokens)
            {
                n = LlamaNative.llama_tokenize(_vocab, b, bytes.Length, t, capacity, addSpecial, parseSpecial);
            }

            if (n >= 0)
            {
                Array.Resize(ref tokens, n);
                return tokens;
            }

            if (n == int.MinValue)
            {
                throw new ArgumentException("The text is too long to tokenize.", nameof(text));
            }

            capacity = -n;
        }
    }

    /// <summary>The bytes of a token's piece; may be part of a UTF-8 character.</summary>
    public unsafe int TokenToPiece(int token, Span<byte> buffer, bool renderSpecial = false)
    {
        fixed (byte* b = buffer)
        {
            var n = LlamaNative.llama_token_to_piece(_vocab, token, b, buffer.Length, 0, renderSpecial);
            return n < 0 ? throw new ArgumentException($"Piece of token {token} needs {-n} bytes.", nameof(buffer)) : n;
        }
    }

    public bool IsEndOfGeneration(int token) => LlamaNative.llama_vocab_is_eog(_vocab, token);

    /// <summary>Renders messages with the model's own chat template (ChatML when the model has none).</summary>
    public unsafe string ApplyChatTemplate(IReadOnlyList<(string Role, string Content)> messages, bool addAssistantPrefix)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var template = ChatTemplate ?? "chatml";
        var handles = new List<GCHandle>();
        try
        {
            var native = new LlamaChatMessage[messages.Count];
            var total = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].Role = Pin(Utf8Z(messages[i].Role), handles);
                native[i].Content = Pin(Utf8Z(messages[i].Content), handles);
                total += messages[i].Content.Length + messages[i].Role.Length;
            }

            var tmpl = Pin(Utf8Z(template), handles);
            var buffer = new byte[Math.Max(256, (total * 2) + 256)];
            while (true)
            {
                int n;
                fixed (LlamaChatMessage* m = native)
                fixed (byte* b = buffer)
                {
                    n = LlamaNative.llama_chat_apply_template((byte*)tmpl, m, (nuint)native.Length, addAssistantPrefix, b, buffer.Length);
                }

                if (n < 0)
                {
                    throw new ModelLoadException($"llama.cpp does not support the chat template of {Path}. Configure a model whose template llama_chat_apply_template knows.");
                }

                if (n <= buffer.Length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, n);
                }

                buffer = new byte[n];
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Free();
            }
        }
    }

    /// <summary>A metadata value of the GGUF file, or null.</summary>
    public unsafe string? GetMetadata(string key)
    {
        var buffer = new byte[4096];
        fixed (byte* b = buffer)
        {
            var n = LlamaNative.llama_model_meta_val_str(_handle, key, b, (nuint)buffer.Length);
            return n < 0 ? null : Encoding.UTF8.GetString(buffer, 0, Math.Min(n, buffer.Length - 1));
        }
    }

    public void Dispose() => _handle.Dispose();

    private static byte[] Utf8Z(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    [SuppressMessage("Reliability", "CA2000", Justification = "Pinned handles are freed by the caller's finally block.")]
    private static nint Pin(byte[] bytes, List<GCHandle> handles)
    {
        var h = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        handles.Add(h);
        return h.AddrOfPinnedObject();
    }

    private static unsafe string ReadDescription(SafeLlamaModelHandle handle)
    {
        var buffer = stackalloc byte[256];
        var n = LlamaNative.llama_model_desc(handle, buffer, 256);
        return n <= 0 ? string.Empty : Encoding.UTF8.GetString(buffer, Math.Min(n, 255));
    }
}
