namespace ChatCouncil.Inference.Engine;

/// <summary>A ggml device that can run model layers.</summary>
public sealed record ComputeDevice(string Name, string Description, ComputeDeviceKind Kind, long FreeBytes, long TotalBytes);
