namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// The parsed header of a GGUF file: metadata in file order and tensor infos. Tensor data is not
/// loaded; <see cref="DataOffset"/> plus a tensor's <see cref="GgufTensorInfo.Offset"/> locates it.
/// </summary>
public sealed class GgufFile
{
    internal GgufFile(
        string path,
        uint version,
        long fileSize,
        IReadOnlyDictionary<string, GgufValue> metadata,
        IReadOnlyList<string> metadataKeys,
        IReadOnlyList<GgufTensorInfo> tensors,
        int alignment,
        long dataOffset)
    {
        Path = path;
        Version = version;
        FileSize = fileSize;
        Metadata = metadata;
        MetadataKeys = metadataKeys;
        Tensors = tensors;
        Alignment = alignment;
        DataOffset = dataOffset;
    }

    /// <summary>Full path of the file, or the source name given for a stream.</summary>
    public string Path { get; }

    public uint Version { get; }

    public long FileSize { get; }

    public IReadOnlyDictionary<string, GgufValue> Metadata { get; }

    /// <summary>Metadata keys in the order the file stores them.</summary>
    public IReadOnlyList<string> MetadataKeys { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    public int Alignment { get; }

    /// <summary>Absolute file offset of the tensor data section.</summary>
    public long DataOffset { get; }

    public string? GetString(string key) =>
        Metadata.TryGetValue(key, out var value) && value.Type == GgufValueType.String ? value.AsString() : null;

    /// <summary>An integer value of any GGUF integer type, or null when absent, not an integer or above <see cref="long.MaxValue"/>.</summary>
    public long? GetInteger(string key)
    {
        if (!Metadata.TryGetValue(key, out var value) || !GgufValue.IsInteger(value.Type))
        {
            return null;
        }

        return value.Value is ulong big && big > long.MaxValue ? null : value.AsInt64();
    }
}
