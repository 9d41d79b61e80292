using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// Buffered little-endian reads that never go past the end of the stream: every length is checked
/// against the bytes left before anything is allocated, so a corrupt count cannot cost gigabytes.
/// </summary>
internal sealed class GgufStreamReader
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly byte[] _scratch = new byte[8];
    private int _bufferPosition;
    private int _bufferLength;
    private long _bufferStart;

    public GgufStreamReader(Stream stream, string path)
    {
        _stream = stream;
        Path = path;
        _bufferStart = 0;
        Length = stream.Length - stream.Position;
    }

    public string Path { get; }

    /// <summary>Bytes from where reading started to the end of the stream.</summary>
    public long Length { get; }

    public long Position => _bufferStart + _bufferPosition;

    public long Remaining => Length - Position;

    public void ReadExactly(Span<byte> destination, string what)
    {
        EnsureAvailable(destination.Length, what);
        while (!destination.IsEmpty)
        {
            if (_bufferPosition == _bufferLength && !Fill())
            {
                throw Truncated(what, destination.Length);
            }

            var count = Math.Min(destination.Length, _bufferLength - _bufferPosition);
            _buffer.AsSpan(_bufferPosition, count).CopyTo(destination);
            _bufferPosition += count;
            destination = destination[count..];
        }
    }

    public byte ReadUInt8(string what) => Take(1, what)[0];

    public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));

    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));

    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

    public float ReadFloat32(string what) => BitConverter.UInt32BitsToSingle(ReadUInt32(what));

    public double ReadFloat64(string what) => BitConverter.UInt64BitsToDouble(ReadUInt64(what));

    public string ReadString(string what, long maxBytes)
    {
        var length = ReadUInt64(what);
        if (length > (ulong)maxBytes)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"{what} claims to be {length} bytes long, more than the {maxBytes}-byte limit"));
        }

        var byteCount = (int)length;
        EnsureAvailable(byteCount, what);
        if (byteCount <= _bufferLength - _bufferPosition)
        {
            var text = Encoding.UTF8.GetString(_buffer, _bufferPosition, byteCount);
            _bufferPosition += byteCount;
            return text;
        }

        var bytes = new byte[byteCount];
        ReadExactly(bytes, what);
        return Encoding.UTF8.GetString(bytes);
    }

    public void EnsureAvailable(long byteCount, string what)
    {
        if (byteCount > Remaining)
        {
            throw Truncated(what, byteCount);
        }
    }

    public GgufFormatException Truncated(string what, long neededBytes)
    {
        var expected = neededBytes > long.MaxValue - Position ? long.MaxValue : Position + neededBytes;
        return new GgufFormatException(
            Path,
            GgufFormatError.Truncated,
            string.Create(CultureInfo.InvariantCulture,
                $"GGUF file '{Path}' is truncated: reading {what} at offset {Position} needs {neededBytes} bytes, so the file should be at least {expected} bytes long, but it is {Length} bytes. The download or conversion was cut short: re-download the file."));
    }

    public GgufFormatException Corrupt(string detail) =>
        new(Path, GgufFormatError.Corrupt, string.Create(CultureInfo.InvariantCulture,
            $"GGUF file '{Path}' is corrupt: {detail} (at offset {Position}). Re-download the file or convert the model again."));

    /// <summary>The next <paramref name="count"/> (at most 8) bytes, straight from the buffer when they are there.</summary>
    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count <= _bufferLength - _bufferPosition)
        {
            var span = _buffer.AsSpan(_bufferPosition, count);
            _bufferPosition += count;
            return span;
        }

        var scratch = _scratch.AsSpan(0, count);
        ReadExactly(scratch, what);
        return scratch;
    }

    private bool Fill()
    {
        _bufferStart += _bufferLength;
        _bufferPosition = 0;
        _bufferLength = _stream.Read(_buffer, 0, BufferSize);
        return _bufferLength > 0;
    }
}
