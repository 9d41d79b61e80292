namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// Format constants and sanity limits. The limits sit far above anything a real model holds
/// (262k-token vocabularies, a few hundred keys, a few thousand tensors) and far below what would let
/// a corrupt count allocate gigabytes.
/// </summary>
internal static class GgufLimits
{
    public const uint Magic = 0x46554747; // "GGUF" read as little-endian uint32
    public const int DefaultAlignment = 32;
    public const string AlignmentKey = "general.alignment";
    public const int MaxDimensions = 4;
    public const int MaxKeyBytes = 65_535;
    public const int MaxStringBytes = 256 * 1024 * 1024;
    public const int MaxArrayElements = 1 << 24;
    public const long MaxMetadataEntries = 1 << 20;
    public const long MaxTensors = 1 << 20;
}
