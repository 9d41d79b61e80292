namespace ChatCouncil.Inference;

/// <summary>Which ggml backend runs a model.</summary>
public enum InferenceBackend
{
    /// <summary>Vulkan when a Vulkan device is present, otherwise the CPU.</summary>
    Auto,

    /// <summary>Vulkan only; fails with a clear message when no loader or device is present.</summary>
    Vulkan,

    /// <summary>The CPU backend (the best libggml-cpu variant for this processor).</summary>
    Cpu,
}
