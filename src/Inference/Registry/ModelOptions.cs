using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.Inference.Registry;

/// <summary>One configured model (Inference:Models:&lt;id&gt;).</summary>
public sealed class ModelOptions
{
    /// <summary>The built-in generated model's path.</summary>
    public const string BuiltInTiny = "builtin:tiny";

    /// <summary>The larger generated model (256 wide, 4 layers) used by the benchmarks.</summary>
    public const string BuiltInTinyLarge = "builtin:tiny-large";

    /// <summary>"local" (a GGUF file run by llama.cpp) or "openai" (an OpenAI-compatible server).</summary>
    public string Provider { get; set; } = "local";

    /// <summary>GGUF file, or <see cref="BuiltInTiny"/> / <see cref="BuiltInTinyLarge"/>.</summary>
    public string? Path { get; set; }

    [MinLength(1)]
    public List<string> Roles { get; set; } = [ModelRoles.Chat];

    /// <summary>Context per conversation, in tokens; 0 = the model's trained context, capped at 4096.</summary>
    [Range(0, 1 << 20)]
    public int ContextLength { get; set; }

    /// <summary>Layers offloaded to the GPU; -1 = all.</summary>
    public int GpuLayers { get; set; } = -1;

    /// <summary>Overrides Inference:Backend for this model.</summary>
    public InferenceBackend? Backend { get; set; }

    [Range(1, 64)]
    public int ParallelSequences { get; set; } = 8;

    [Range(1, 8192)]
    public int BatchSize { get; set; } = 512;

    [Range(1, 256)]
    public int Threads { get; set; } = 1;

    /// <summary>Base URL of an OpenAI-compatible server (Provider = openai), e.g. http://localhost:8080/v1.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the remote server knows (Provider = openai); defaults to the id.</summary>
    public string? RemoteModel { get; set; }

    /// <summary>API key of the remote server, if it needs one. Never logged.</summary>
    public string? ApiKey { get; set; }
}
