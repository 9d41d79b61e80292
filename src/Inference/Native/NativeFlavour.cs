namespace ChatCouncil.Inference.Native;

/// <summary>Which of the two prebuilt library sets is loaded.</summary>
internal enum NativeFlavour
{
    Cpu,
    Vulkan,
}
