namespace ChatCouncil.Inference;

/// <summary>Settings of the inference engine, bound from the "Inference" configuration section.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Folder holding the cpu/ and vulkan/ library sets; found automatically when unset.</summary>
    public string? NativeLibraryPath { get; set; }

    /// <summary>Default backend for models that do not choose one.</summary>
    public InferenceBackend Backend { get; set; } = InferenceBackend.Auto;

    /// <summary>
    /// Passed to ggml as GGML_VK_VISIBLE_DEVICES. ggml skips CPU-type Vulkan devices (lavapipe) unless
    /// they are listed, so "0" makes the Vulkan path usable on a machine without a GPU.
    /// </summary>
    public string? VulkanVisibleDevices { get; set; }

    /// <summary>Folder where generated models (the built-in tiny model) are written.</summary>
    public string ModelDirectory { get; set; } = Path.Combine("data", "models");

    /// <summary>Configured models by id; when empty, the built-in tiny model serves chat and embeddings.</summary>
    public Dictionary<string, Registry.ModelOptions> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Default model id per role ("chat", "embedding"); the first model with the role otherwise.</summary>
    public Dictionary<string, string> DefaultModels { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
