using System.Buffers.Binary;
using System.Text;

namespace ChatCouncil.Inference.Tests.Gguf;

/// <summary>Hand-assembles GGUF headers, including ones no writer would produce.</summary>
internal sealed class GgufBytes
{
    private readonly List<byte> _bytes = [];

    public static GgufBytes Header(uint version, ulong tensorCount, ulong metadataCount) =>
        new GgufBytes().Raw("GGUF"u8).U32(version).U64(tensorCount).U64(metadataCount);

    public GgufBytes Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public GgufBytes U32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Raw(bytes);
    }

    public GgufBytes U64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Raw(bytes);
    }

    public GgufBytes Str(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return U64((ulong)bytes.Length).Raw(bytes);
    }

    public byte[] ToArray() => [.. _bytes];
}
