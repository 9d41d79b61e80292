using System.Globalization;

namespace ChatCouncil.Inference.Gguf;

/// <summary>Reads and validates one tensor info for <see cref="GgufReader"/>.</summary>
internal static class GgufTensorInfoReader
{
    public static GgufTensorInfo Read(GgufStreamReader reader, long index)
    {
        var name = reader.ReadString(string.Create(CultureInfo.InvariantCulture, $"name of tensor #{index}"), GgufLimits.MaxKeyBytes);
        var dimensionCount = reader.ReadUInt32($"dimension count of tensor '{name}'");
        if (dimensionCount > GgufLimits.MaxDimensions)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"tensor '{name}' has {dimensionCount} dimensions, more than ggml's {GgufLimits.MaxDimensions}"));
        }

        var dimensions = new long[dimensionCount];
        long elements = 1;
        for (var d = 0; d < dimensions.Length; d++)
        {
            var size = (long)reader.ReadUInt64($"dimension {d} of tensor '{name}'");
            if (size < 0 || (size > 0 && elements > long.MaxValue / size))
            {
                throw reader.Corrupt($"tensor '{name}' has an impossible shape");
            }

            dimensions[d] = size;
            elements *= size;
        }

        var rawType = reader.ReadUInt32($"type of tensor '{name}'");
        var type = (GgmlType)rawType;
        if (!GgmlTypeSizes.TryGet(type, out var blockSize, out var bytesPerBlock))
        {
            throw new GgufFormatException(reader.Path, GgufFormatError.Unsupported, string.Create(CultureInfo.InvariantCulture,
                $"GGUF file '{reader.Path}' cannot be read: tensor '{name}' has ggml type {rawType}, which llama.cpp v0.5.0 does not know. Use a model quantized with a type this llama.cpp supports."));
        }

        var rowLength = dimensions.Length > 0 ? dimensions[0] : 1;
        if (rowLength % blockSize != 0)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"tensor '{name}' of type {type} has {rowLength} elements per row, not a multiple of its block size {blockSize}"));
        }

        if (elements / blockSize > long.MaxValue / bytesPerBlock)
        {
            throw reader.Corrupt($"tensor '{name}' is too large to address");
        }

        var offset = (long)reader.ReadUInt64($"data offset of tensor '{name}'");
        if (offset < 0)
        {
            throw reader.Corrupt($"tensor '{name}' has a negative data offset");
        }

        return new GgufTensorInfo(name, dimensions, type, offset);
    }
}
