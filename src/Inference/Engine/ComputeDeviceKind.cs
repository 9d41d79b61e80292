namespace ChatCouncil.Inference.Engine;

/// <summary>Mirrors <c>enum ggml_backend_dev_type</c>.</summary>
public enum ComputeDeviceKind
{
    Cpu = 0,
    Gpu = 1,
    IntegratedGpu = 2,
    Accelerator = 3,
    Meta = 4,
}
