namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// A tensor's description from the GGUF header: name, shape in ggml order (fastest-varying dimension
/// first), element type and byte offset relative to the start of the tensor data section.
/// </summary>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, GgmlType Type, long Offset)
{
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dimension in Dimensions)
            {
                count = checked(count * dimension);
            }

            return count;
        }
    }

    /// <summary>Bytes the tensor's data occupies (before alignment padding).</summary>
    public long ByteSize
    {
        get
        {
            if (!GgmlTypeSizes.TryGet(Type, out var blockSize, out var bytesPerBlock))
            {
                throw new InvalidOperationException($"Tensor '{Name}' has unknown ggml type {(uint)Type}.");
            }

            return checked(ElementCount / blockSize * bytesPerBlock);
        }
    }
}
