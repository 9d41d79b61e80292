using ChatCouncil.Inference.Gguf;

namespace ChatCouncil.Inference.Tests.Gguf;

public sealed class GgufRoundTripTests
{
    private static readonly bool[] Flags = [true, false, true];

    [Fact]
    public void WriteThenRead_EveryScalarType_KeepsTypeAndValue()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("u8", GgufValue.FromUInt8(byte.MaxValue));
        writer.AddMetadata("i8", GgufValue.FromInt8(sbyte.MinValue));
        writer.AddMetadata("u16", GgufValue.FromUInt16(ushort.MaxValue));
        writer.AddMetadata("i16", GgufValue.FromInt16(short.MinValue));
        writer.AddMetadata("u32", GgufValue.FromUInt32(uint.MaxValue));
        writer.AddMetadata("i32", GgufValue.FromInt32(int.MinValue));
        writer.AddMetadata("u64", GgufValue.FromUInt64(ulong.MaxValue));
        writer.AddMetadata("i64", GgufValue.FromInt64(long.MinValue));
        writer.AddMetadata("f32", GgufValue.FromFloat32(3.25f));
        writer.AddMetadata("f64", GgufValue.FromFloat64(-1e300));
        writer.AddMetadata("bool", GgufValue.FromBoolean(true));
        writer.AddMetadata("str", GgufValue.FromString("héllo ▁ 🦙"));
        writer.AddMetadata("empty", GgufValue.FromString(string.Empty));

        var file = RoundTrip(writer);

        Assert.Equal(["u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "f32", "f64", "bool", "str", "empty"], file.MetadataKeys);
        AssertScalar(file, "u8", GgufValueType.UInt8, byte.MaxValue);
        AssertScalar(file, "i8", GgufValueType.Int8, sbyte.MinValue);
        AssertScalar(file, "u16", GgufValueType.UInt16, ushort.MaxValue);
        AssertScalar(file, "i16", GgufValueType.Int16, short.MinValue);
        AssertScalar(file, "u32", GgufValueType.UInt32, uint.MaxValue);
        AssertScalar(file, "i32", GgufValueType.Int32, int.MinValue);
        AssertScalar(file, "u64", GgufValueType.UInt64, ulong.MaxValue);
        AssertScalar(file, "i64", GgufValueType.Int64, long.MinValue);
        AssertScalar(file, "f32", GgufValueType.Float32, 3.25f);
        AssertScalar(file, "f64", GgufValueType.Float64, -1e300);
        AssertScalar(file, "bool", GgufValueType.Boolean, true);
        AssertScalar(file, "str", GgufValueType.String, "héllo ▁ 🦙");
        AssertScalar(file, "empty", GgufValueType.String, string.Empty);
        Assert.Equal(uint.MaxValue, file.GetInteger("u32"));
        Assert.Null(file.GetInteger("u64"));
    }

    [Fact]
    public void WriteThenRead_EveryArrayType_KeepsElementTypeAndValues()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("a.u8", GgufValue.FromArray(new byte[] { 0, 1, 255 }));
        writer.AddMetadata("a.i8", GgufValue.FromArray(new sbyte[] { -128, 0, 127 }));
        writer.AddMetadata("a.u16", GgufValue.FromArray(new ushort[] { 1, 65535 }));
        writer.AddMetadata("a.i16", GgufValue.FromArray(new short[] { -32768, 2 }));
        writer.AddMetadata("a.u32", GgufValue.FromArray(new uint[] { 7, uint.MaxValue }));
        writer.AddMetadata("a.i32", GgufValue.FromArray(new[] { -7, int.MaxValue }));
        writer.AddMetadata("a.u64", GgufValue.FromArray(new[] { ulong.MaxValue }));
        writer.AddMetadata("a.i64", GgufValue.FromArray(new[] { long.MinValue, 5L }));
        writer.AddMetadata("a.f32", GgufValue.FromArray(new[] { 0.5f, float.NegativeInfinity }));
        writer.AddMetadata("a.f64", GgufValue.FromArray(new[] { double.Epsilon, 2.0 }));
        writer.AddMetadata("a.bool", GgufValue.FromArray(Flags));
        writer.AddMetadata("a.str", GgufValue.FromArray(new[] { "<s>", string.Empty, "▁the" }));
        writer.AddMetadata("a.empty", GgufValue.FromArray(Array.Empty<int>()));

        var file = RoundTrip(writer);

        AssertArray(file, "a.u8", GgufValueType.UInt8, new byte[] { 0, 1, 255 });
        AssertArray(file, "a.i8", GgufValueType.Int8, new sbyte[] { -128, 0, 127 });
        AssertArray(file, "a.u16", GgufValueType.UInt16, new ushort[] { 1, 65535 });
        AssertArray(file, "a.i16", GgufValueType.Int16, new short[] { -32768, 2 });
        AssertArray(file, "a.u32", GgufValueType.UInt32, new uint[] { 7, uint.MaxValue });
        AssertArray(file, "a.i32", GgufValueType.Int32, new[] { -7, int.MaxValue });
        AssertArray(file, "a.u64", GgufValueType.UInt64, new[] { ulong.MaxValue });
        AssertArray(file, "a.i64", GgufValueType.Int64, new[] { long.MinValue, 5L });
        AssertArray(file, "a.f32", GgufValueType.Float32, new[] { 0.5f, float.NegativeInfinity });
        AssertArray(file, "a.f64", GgufValueType.Float64, new[] { double.Epsilon, 2.0 });
        AssertArray(file, "a.bool", GgufValueType.Boolean, Flags);
        AssertArray(file, "a.str", GgufValueType.String, new[] { "<s>", string.Empty, "▁the" });
        AssertArray(file, "a.empty", GgufValueType.Int32, Array.Empty<int>());
    }

    [Fact]
    public void WriteThenRead_Tensors_KeepShapeTypeAlignedOffsetsAndData()
    {
        var writer = new GgufWriter();
        var weights = Enumerable.Range(0, 6).Select(i => i * 0.5f).ToArray();
        var quantized = Enumerable.Range(0, 2 * 34).Select(i => (byte)i).ToArray(); // two Q8_0 blocks
        var half = new byte[] { 0x00, 0x3C, 0x00, 0xC0, 0x00, 0x00 }; // F16 1, -2, 0
        writer.AddTensor("w", [3, 2], weights);
        writer.AddTensor("q", GgmlType.Q8_0, [64], quantized);
        writer.AddTensor("h", GgmlType.F16, [3, 1, 1, 1], half);

        using var temp = new TempDirectory();
        var path = temp.File("tensors.gguf");
        writer.WriteTo(path);
        var file = GgufReader.Read(path);

        Assert.Equal(3u, file.Version);
        Assert.Equal(32, file.Alignment);
        Assert.Equal(0, file.DataOffset % 32);
        Assert.Equal(["w", "q", "h"], file.Tensors.Select(t => t.Name));
        Assert.Equal([3L, 2L], file.Tensors[0].Dimensions);
        Assert.Equal(GgmlType.F32, file.Tensors[0].Type);
        Assert.Equal(GgmlType.Q8_0, file.Tensors[1].Type);
        Assert.Equal(64, file.Tensors[1].ElementCount);
        Assert.Equal(68, file.Tensors[1].ByteSize);
        Assert.Equal([3L, 1L, 1L, 1L], file.Tensors[2].Dimensions);
        Assert.All(file.Tensors, t => Assert.Equal(0, t.Offset % 32));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(weights, ReadFloats(bytes, file, 0));
        Assert.Equal(quantized, Slice(bytes, file, 1));
        Assert.Equal(half, Slice(bytes, file, 2));
        Assert.Equal(file.FileSize, bytes.Length);
    }

    [Fact]
    public void WriteThenRead_GeneralAlignment_IsHonoured()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("general.alignment", GgufValue.FromUInt32(64));
        writer.AddTensor("a", [5], new float[5]);
        writer.AddTensor("b", [3], new float[] { 1, 2, 3 });

        var file = RoundTrip(writer);

        Assert.Equal(64, file.Alignment);
        Assert.Equal(0, file.DataOffset % 64);
        Assert.Equal([0L, 64L], file.Tensors.Select(t => t.Offset));
        Assert.Equal(file.DataOffset + 64 + 64, file.FileSize);
    }

    [Fact]
    public void AddMetadata_NonPowerOfTwoAlignment_Throws()
    {
        var writer = new GgufWriter();
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("general.alignment", GgufValue.FromUInt32(48)));
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("general.alignment", GgufValue.FromInt32(64)));
    }

    [Fact]
    public void AddMetadata_DuplicateKey_Throws()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("k", GgufValue.FromBoolean(false));
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("k", GgufValue.FromBoolean(true)));
    }

    [Fact]
    public void AddTensor_DataOfWrongSize_Throws()
    {
        var writer = new GgufWriter();
        Assert.Throws<ArgumentException>(() => writer.AddTensor("t", [4], new float[3]));
        Assert.Throws<ArgumentException>(() => writer.AddTensor("q", GgmlType.Q4_K, [100], new byte[144]));
    }

    [Fact]
    public void AsInt64_IntegerOfAnyWidth_Widens()
    {
        Assert.Equal(200, GgufValue.FromUInt8(200).AsInt64());
        Assert.Equal(-5, GgufValue.FromInt16(-5).AsInt64());
        Assert.Throws<InvalidOperationException>(() => GgufValue.FromString("x").AsInt64());
        Assert.Throws<InvalidOperationException>(() => GgufValue.FromUInt64(ulong.MaxValue).AsInt64());
    }

    private static GgufFile RoundTrip(GgufWriter writer)
    {
        using var stream = new MemoryStream();
        writer.WriteTo(stream);
        stream.Position = 0;
        return GgufReader.Read(stream, "memory.gguf");
    }

    private static void AssertScalar<T>(GgufFile file, string key, GgufValueType type, T expected)
    {
        var value = file.Metadata[key];
        Assert.Equal(type, value.Type);
        Assert.Null(value.ElementType);
        Assert.Equal(expected, Assert.IsType<T>(value.Value));
    }

    private static void AssertArray<T>(GgufFile file, string key, GgufValueType elementType, T[] expected)
    {
        var value = file.Metadata[key];
        Assert.Equal(GgufValueType.Array, value.Type);
        Assert.Equal(elementType, value.ElementType);
        Assert.Equal(expected.Length, value.ArrayLength);
        Assert.Equal(expected, value.AsArray<T>());
    }

    private static byte[] Slice(byte[] bytes, GgufFile file, int tensor)
    {
        var info = file.Tensors[tensor];
        return bytes.AsSpan((int)(file.DataOffset + info.Offset), (int)info.ByteSize).ToArray();
    }

    private static float[] ReadFloats(byte[] bytes, GgufFile file, int tensor) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Slice(bytes, file, tensor)).ToArray();
}
