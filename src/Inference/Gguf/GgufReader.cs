using System.Globalization;
using System.Text;

namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// Reads the header of GGUF v2/v3 files (metadata and tensor infos) without loading tensor data.
/// Any malformed input ends in a <see cref="GgufFormatException"/> (or <see cref="FileNotFoundException"/>)
/// whose message names the file and the fix. Thread-safe: it keeps no state.
/// </summary>
public static class GgufReader
{
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="GgufFormatException">The file is not GGUF, is truncated or corrupt.</exception>
    public static GgufFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        using var stream = Open(fullPath);
        return Read(stream, fullPath);
    }

    /// <summary>Reads from the current position of a seekable stream; <paramref name="sourceName"/> names it in errors.</summary>
    public static GgufFile Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The GGUF reader needs a readable, seekable stream to check lengths against the file size.", nameof(stream));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The GGUF reader supports little-endian machines only.");
        }

        return Parse(new GgufStreamReader(stream, sourceName));
    }

    /// <summary>The facts the model registry shows about a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="GgufFormatException">The file is not a readable GGUF model.</exception>
    public static GgufModelInfo ReadModelInfo(string path) => GgufModelInfo.From(Read(path));

    private static FileStream Open(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"Model path '{fullPath}' is a directory, not a GGUF file. Set Models:<id>:Path to the .gguf file itself or remove the entry; the built-in tiny model needs no file.",
                fullPath);
        }

        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"Model file '{fullPath}' does not exist. Set Models:<id>:Path to an existing .gguf file or remove the entry; the built-in tiny model needs no file.",
                fullPath);
        }

        // bufferSize 1: GgufStreamReader buffers itself.
        return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    private static GgufFile Parse(GgufStreamReader reader)
    {
        var version = ReadPreamble(reader);
        var tensorCount = ReadCount(reader, "tensor count", GgufLimits.MaxTensors, minBytesEach: 24);
        var metadataCount = ReadCount(reader, "metadata entry count", GgufLimits.MaxMetadataEntries, minBytesEach: 13);

        var metadata = new Dictionary<string, GgufValue>((int)Math.Min(metadataCount, 1024), StringComparer.Ordinal);
        var keys = new List<string>((int)Math.Min(metadataCount, 1024));
        for (long i = 0; i < metadataCount; i++)
        {
            var key = reader.ReadString(string.Create(CultureInfo.InvariantCulture, $"metadata key #{i}"), GgufLimits.MaxKeyBytes);
            var value = GgufValueReader.Read(reader, key);
            if (!metadata.TryAdd(key, value))
            {
                throw reader.Corrupt($"metadata key '{key}' appears twice");
            }

            keys.Add(key);
        }

        var tensors = ReadTensorInfos(reader, tensorCount);
        var alignment = ReadAlignment(reader, metadata);
        var dataOffset = tensorCount > 0 ? AlignUp(reader.Position, alignment) : reader.Position;
        CheckTensorData(reader, tensors, alignment, dataOffset);
        return new GgufFile(reader.Path, version, reader.Length, metadata, keys, tensors, alignment, dataOffset);
    }

    private static uint ReadPreamble(GgufStreamReader reader)
    {
        Span<byte> magic = stackalloc byte[4];
        if (reader.Length < magic.Length)
        {
            throw NotGguf(reader, string.Create(CultureInfo.InvariantCulture, $"it is only {reader.Length} bytes long"));
        }

        reader.ReadExactly(magic, "magic");
        if (BitConverter.ToUInt32(magic) != GgufLimits.Magic)
        {
            throw NotGguf(reader, $"it starts with bytes {Convert.ToHexString(magic)} (\"{Printable(magic)}\") instead of \"GGUF\"");
        }

        var version = reader.ReadUInt32("GGUF version");
        if (version is 2 or 3)
        {
            return version;
        }

        var detail = version switch
        {
            1 => "GGUF version 1 predates the format llama.cpp reads today; convert the model again with a current llama.cpp",
            0x02000000 or 0x03000000 => "it is a big-endian GGUF file; use the little-endian build of the model",
            _ => string.Create(CultureInfo.InvariantCulture, $"GGUF version {version} is not supported (versions 2 and 3 are); use a file converted for llama.cpp v0.5.0"),
        };
        throw new GgufFormatException(reader.Path, GgufFormatError.Unsupported, $"GGUF file '{reader.Path}' cannot be read: {detail}.");
    }

    private static long ReadCount(GgufStreamReader reader, string what, long limit, int minBytesEach)
    {
        var raw = reader.ReadUInt64(what);
        if (raw > (ulong)limit)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the header declares {(long)raw} as {what}, above the sanity limit of {limit}"));
        }

        var count = (long)raw;
        reader.EnsureAvailable(count * minBytesEach, string.Create(CultureInfo.InvariantCulture, $"the {count} entries of the {what}"));
        return count;
    }

    private static List<GgufTensorInfo> ReadTensorInfos(GgufStreamReader reader, long tensorCount)
    {
        var tensors = new List<GgufTensorInfo>((int)Math.Min(tensorCount, 4096));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < tensorCount; i++)
        {
            var tensor = GgufTensorInfoReader.Read(reader, i);
            if (!names.Add(tensor.Name))
            {
                throw reader.Corrupt($"tensor '{tensor.Name}' appears twice");
            }

            tensors.Add(tensor);
        }

        return tensors;
    }

    private static int ReadAlignment(GgufStreamReader reader, Dictionary<string, GgufValue> metadata)
    {
        if (!metadata.TryGetValue(GgufLimits.AlignmentKey, out var value))
        {
            return GgufLimits.DefaultAlignment;
        }

        if (value.Type != GgufValueType.UInt32 || value.Value is not uint alignment || alignment == 0 || alignment > 1 << 30 || (alignment & (alignment - 1)) != 0)
        {
            throw reader.Corrupt($"{GgufLimits.AlignmentKey} must be a UInt32 power of two, found {value.Type} {value}");
        }

        return (int)alignment;
    }

    private static void CheckTensorData(GgufStreamReader reader, List<GgufTensorInfo> tensors, int alignment, long dataOffset)
    {
        var end = dataOffset;
        foreach (var tensor in tensors)
        {
            if (tensor.Offset % alignment != 0)
            {
                throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"tensor '{tensor.Name}' starts at data offset {tensor.Offset}, which is not a multiple of the alignment {alignment}"));
            }

            var tensorEnd = tensor.Offset > long.MaxValue - dataOffset - tensor.ByteSize ? long.MaxValue : dataOffset + tensor.Offset + tensor.ByteSize;
            end = Math.Max(end, tensorEnd);
        }

        if (end > reader.Length)
        {
            throw new GgufFormatException(reader.Path, GgufFormatError.Truncated, string.Create(CultureInfo.InvariantCulture,
                $"GGUF file '{reader.Path}' is truncated: its tensor data should end at byte {end}, so the file should be {end} bytes long, but it is {reader.Length} bytes ({end - reader.Length} bytes missing). The download or conversion was cut short: re-download the file."));
        }
    }

    private static long AlignUp(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private static GgufFormatException NotGguf(GgufStreamReader reader, string detail) =>
        new(reader.Path, GgufFormatError.NotGguf,
            $"'{reader.Path}' is not a GGUF model: {detail}. Model files must be GGUF, llama.cpp's format: convert the model with llama.cpp's convert_hf_to_gguf.py or download a .gguf build of it.");

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'"' ? (char)b : '.');
        }

        return text.ToString();
    }
}
