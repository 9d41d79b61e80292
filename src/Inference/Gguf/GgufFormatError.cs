namespace ChatCouncil.Inference.Gguf;

/// <summary>Why a file could not be read as GGUF.</summary>
public enum GgufFormatError
{
    /// <summary>The file does not start with the GGUF magic.</summary>
    NotGguf,

    /// <summary>A GGUF version or layout this reader does not support (v1, big-endian, future versions).</summary>
    Unsupported,

    /// <summary>The file ends before the header, metadata, tensor infos or tensor data it declares.</summary>
    Truncated,

    /// <summary>Values that no valid file contains (absurd counts, unknown types, bad offsets).</summary>
    Corrupt,
}
