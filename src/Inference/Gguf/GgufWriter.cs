using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// Builds a GGUF v3 file: metadata in insertion order, tensor infos, then tensor data, each tensor
/// padded to the alignment (32, or <c>general.alignment</c> when set). Not thread-safe; one writer
/// builds one file.
/// </summary>
public sealed class GgufWriter
{
    private const int MaxTensorNameBytes = 63; // GGML_MAX_NAME is 64 including the terminator

    private readonly List<KeyValuePair<string, GgufValue>> _metadata = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<(GgufTensorInfo Info, ReadOnlyMemory<byte> Data)> _tensors = [];
    private readonly HashSet<string> _tensorNames = new(StringComparer.Ordinal);

    public int Alignment { get; private set; } = GgufLimits.DefaultAlignment;

    public void AddMetadata(string key, GgufValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (Encoding.UTF8.GetByteCount(key) > GgufLimits.MaxKeyBytes)
        {
            throw new ArgumentException($"GGUF keys are at most {GgufLimits.MaxKeyBytes} bytes.", nameof(key));
        }

        if (key == GgufLimits.AlignmentKey)
        {
            Alignment = ValidAlignment(value);
        }

        if (!_keys.Add(key))
        {
            throw new ArgumentException($"Metadata key '{key}' was already added.", nameof(key));
        }

        _metadata.Add(new(key, value));
    }

    /// <summary>
    /// Adds a tensor whose data is already encoded in <paramref name="type"/>. Dimensions are in ggml
    /// order: the fastest-varying (row) dimension first.
    /// </summary>
    public void AddTensor(string name, GgmlType type, IReadOnlyList<long> dimensions, ReadOnlyMemory<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dimensions);
        if (Encoding.UTF8.GetByteCount(name) > MaxTensorNameBytes)
        {
            throw new ArgumentException($"Tensor names are at most {MaxTensorNameBytes} bytes (llama.cpp's limit).", nameof(name));
        }

        if (dimensions.Count is 0 or > GgufLimits.MaxDimensions || dimensions.Any(d => d < 0))
        {
            throw new ArgumentException($"A tensor has 1 to {GgufLimits.MaxDimensions} non-negative dimensions.", nameof(dimensions));
        }

        if (!GgmlTypeSizes.TryGet(type, out var blockSize, out _) || dimensions[0] % blockSize != 0)
        {
            throw new ArgumentException($"Tensor '{name}': rows of type {type} must be a multiple of {blockSize} elements.", nameof(type));
        }

        var info = new GgufTensorInfo(name, [.. dimensions], type, Offset: 0);
        if (info.ByteSize != data.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Tensor '{name}' needs {info.ByteSize} bytes of {type} data, got {data.Length}."), nameof(data));
        }

        if (!_tensorNames.Add(name))
        {
            throw new ArgumentException($"Tensor '{name}' was already added.", nameof(name));
        }

        _tensors.Add((info, data));
    }

    /// <summary>Adds an F32 tensor.</summary>
    public void AddTensor(string name, IReadOnlyList<long> dimensions, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        AddTensor(name, GgmlType.F32, dimensions, MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
    }

    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The GGUF writer supports little-endian machines only.");
        }

        var header = BuildHeader();
        destination.Write(header);
        Span<byte> zeros = stackalloc byte[Alignment <= 256 ? Alignment : 0];
        foreach (var (_, data) in _tensors)
        {
            destination.Write(data.Span);
            WritePadding(destination, data.Length, zeros);
        }
    }

    public void WriteTo(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        WriteTo(stream);
    }

    private byte[] BuildHeader()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(GgufLimits.Magic);
            writer.Write(3u);
            writer.Write((ulong)_tensors.Count);
            writer.Write((ulong)_metadata.Count);
            foreach (var (key, value) in _metadata)
            {
                GgufValueWriter.WriteString(writer, key);
                GgufValueWriter.Write(writer, value);
            }

            long offset = 0;
            foreach (var (info, _) in _tensors)
            {
                GgufValueWriter.WriteString(writer, info.Name);
                writer.Write((uint)info.Dimensions.Count);
                foreach (var dimension in info.Dimensions)
                {
                    writer.Write((ulong)dimension);
                }

                writer.Write((uint)info.Type);
                writer.Write((ulong)offset);
                offset += AlignUp(info.ByteSize);
            }
        }

        if (_tensors.Count > 0)
        {
            buffer.SetLength(AlignUp(buffer.Length));
        }

        return buffer.ToArray();
    }

    private void WritePadding(Stream destination, long written, Span<byte> zeros)
    {
        var padding = (int)(AlignUp(written) - written);
        if (zeros.Length >= padding)
        {
            destination.Write(zeros[..padding]);
        }
        else
        {
            destination.Write(new byte[padding]);
        }
    }

    private long AlignUp(long value) => (value + Alignment - 1) / Alignment * Alignment;

    private static int ValidAlignment(GgufValue value)
    {
        if (value.Value is uint alignment && value.Type == GgufValueType.UInt32 && alignment is > 0 and <= 1 << 30 && (alignment & (alignment - 1)) == 0)
        {
            return (int)alignment;
        }

        throw new ArgumentException($"{GgufLimits.AlignmentKey} must be a UInt32 power of two.", nameof(value));
    }
}
