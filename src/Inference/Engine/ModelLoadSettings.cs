namespace ChatCouncil.Inference.Engine;

/// <summary>How a model file is loaded.</summary>
public sealed record ModelLoadSettings
{
    public InferenceBackend Backend { get; init; } = InferenceBackend.Auto;

    /// <summary>Layers to offload to the GPU; negative means all.</summary>
    public int GpuLayers { get; init; } = -1;

    /// <summary>Training needs weights in memory rather than memory-mapped (mmapped weights crash llama_opt).</summary>
    public bool Trainable { get; init; }
}
