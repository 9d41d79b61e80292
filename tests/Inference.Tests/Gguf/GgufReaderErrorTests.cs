using System.Diagnostics;
using System.Globalization;
using ChatCouncil.Inference.Gguf;
using ChatCouncil.Inference.TinyModel;

namespace ChatCouncil.Inference.Tests.Gguf;

public sealed class GgufReaderErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFoundNamingFullPathAndFix()
    {
        var path = _temp.File("no-such-model.gguf");

        var error = Assert.Throws<FileNotFoundException>(() => GgufReader.Read(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Models:<id>:Path", error.Message, StringComparison.Ordinal);
        Assert.Contains("tiny model needs no file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RelativeMissingPath_MessageNamesFullPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => GgufReader.ReadModelInfo("models/absent.gguf"));

        Assert.Contains(Path.GetFullPath("models/absent.gguf"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Directory_ThrowsFileNotFoundSayingItIsADirectory()
    {
        var error = Assert.Throws<FileNotFoundException>(() => GgufReader.Read(_temp.Path));

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongMagic_ThrowsNotGgufNamingPathFoundBytesAndConverter()
    {
        var path = _temp.WriteFile("model.safetensors", "{\"__metadata__\": {}}"u8);

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Equal(GgufFormatError.NotGguf, error.Error);
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("7B225F5F", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a GGUF model", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be GGUF", error.Message, StringComparison.Ordinal);
        Assert.Contains("convert_hf_to_gguf.py", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsNotGguf()
    {
        var path = _temp.WriteFile("empty.gguf", []);

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Equal(GgufFormatError.NotGguf, error.Error);
        Assert.Contains("0 bytes", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> CutPoints => ["header", "metadata", "tensor-infos", "tensor-data", "last-byte"];

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void Read_TruncatedTinyModel_ThrowsTruncatedNamingPathSizesAndRedownload(string where)
    {
        var full = TinyModelGenerator.Generate(TinyModelSpec.Default);
        var parsed = GgufReader.Read(new MemoryStream(full), "full");
        var cut = where switch
        {
            "header" => 13,
            "metadata" => 2000,
            "tensor-infos" => (int)parsed.DataOffset - 100,
            "tensor-data" => full.Length / 2,
            _ => full.Length - 1,
        };
        var path = _temp.WriteFile($"cut-{where}.gguf", full.AsSpan(0, cut));

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.ReadModelInfo(path));

        Assert.Equal(GgufFormatError.Truncated, error.Error);
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(cut.ToString(CultureInfo.InvariantCulture) + " bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("re-download the file", error.Message, StringComparison.Ordinal);
        if (where is "tensor-data" or "last-byte")
        {
            Assert.Contains($"should be {full.Length} bytes long", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_TruncatedAtEveryByteOfHeader_NeverThrowsAnythingElse()
    {
        var full = TinyModelGenerator.Generate(TinyModelSpec.Default);
        var dataOffset = (int)GgufReader.Read(new MemoryStream(full), "full").DataOffset;

        for (var cut = 4; cut < dataOffset; cut += 7)
        {
            var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(new MemoryStream(full, 0, cut), "cut"));
            Assert.Equal(GgufFormatError.Truncated, error.Error);
        }
    }

    [Fact]
    public void Read_AbsurdTensorCount_RejectedAsCorruptWithoutAllocating()
    {
        var bytes = GgufBytes.Header(3, tensorCount: 1UL << 40, metadataCount: 0).ToArray();

        var error = AssertRejectedCheaply(bytes);

        Assert.Equal(GgufFormatError.Corrupt, error.Error);
        Assert.Contains("tensor count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetadataCountBeyondFileSize_RejectedAsTruncated()
    {
        var bytes = GgufBytes.Header(3, tensorCount: 0, metadataCount: 500_000).ToArray();

        Assert.Equal(GgufFormatError.Truncated, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_AbsurdStringLength_RejectedWithoutAllocating()
    {
        var bytes = GgufBytes.Header(3, 0, 1).U64(ulong.MaxValue / 2).Raw(new byte[64]).ToArray();

        Assert.Equal(GgufFormatError.Corrupt, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_StringLongerThanFile_RejectedAsTruncatedWithoutAllocating()
    {
        var bytes = GgufBytes.Header(3, 0, 1).Str("k").U32((uint)GgufValueType.String).U64(200_000_000).ToArray();

        Assert.Equal(GgufFormatError.Truncated, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_AbsurdArrayLength_RejectedWithoutAllocating()
    {
        var absurd = GgufBytes.Header(3, 0, 1).Str("k").U32((uint)GgufValueType.Array).U32((uint)GgufValueType.Float64).U64(1UL << 60).ToArray();
        var beyondFile = GgufBytes.Header(3, 0, 1).Str("k").U32((uint)GgufValueType.Array).U32((uint)GgufValueType.String).U64(10_000_000).ToArray();

        Assert.Equal(GgufFormatError.Corrupt, AssertRejectedCheaply(absurd).Error);
        Assert.Equal(GgufFormatError.Truncated, AssertRejectedCheaply(beyondFile).Error);
    }

    [Fact]
    public void Read_AbsurdTensorShape_RejectedAsCorrupt()
    {
        var bytes = GgufBytes.Header(3, 1, 0).Str("t").U32(2).U64(1UL << 40).U64(1UL << 40).U32(0).U64(0).ToArray();

        Assert.Equal(GgufFormatError.Corrupt, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_TooManyDimensions_RejectedAsCorrupt()
    {
        var bytes = GgufBytes.Header(3, 1, 0).Str("t").U32(9).Raw(new byte[64]).ToArray();

        Assert.Equal(GgufFormatError.Corrupt, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_UnknownTensorType_RejectedAsUnsupported()
    {
        var bytes = GgufBytes.Header(3, 1, 0).Str("t").U32(1).U64(32).U32(4).U64(0).Raw(new byte[64]).ToArray();

        var error = AssertRejectedCheaply(bytes);

        Assert.Equal(GgufFormatError.Unsupported, error.Error);
        Assert.Contains("ggml type 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownValueType_RejectedAsCorrupt()
    {
        var bytes = GgufBytes.Header(3, 0, 1).Str("k").U32(99).ToArray();

        Assert.Equal(GgufFormatError.Corrupt, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_NestedArray_RejectedAsUnsupported()
    {
        var bytes = GgufBytes.Header(3, 0, 1).Str("k").U32((uint)GgufValueType.Array).U32((uint)GgufValueType.Array).U64(1).ToArray();

        Assert.Equal(GgufFormatError.Unsupported, AssertRejectedCheaply(bytes).Error);
    }

    [Fact]
    public void Read_DuplicateKey_RejectedAsCorrupt()
    {
        var bytes = GgufBytes.Header(3, 0, 2).Str("k").U32((uint)GgufValueType.UInt8).Raw([1]).Str("k").U32((uint)GgufValueType.UInt8).Raw([2]).ToArray();

        var error = AssertRejectedCheaply(bytes);

        Assert.Equal(GgufFormatError.Corrupt, error.Error);
        Assert.Contains("'k' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MisalignedTensorOffset_RejectedAsCorrupt()
    {
        var bytes = GgufBytes.Header(3, 1, 0).Str("t").U32(1).U64(1).U32((uint)GgmlType.F32).U64(3).Raw(new byte[64]).ToArray();

        Assert.Equal(GgufFormatError.Corrupt, AssertRejectedCheaply(bytes).Error);
    }

    [Theory]
    [InlineData(1u, "version 1")]
    [InlineData(0x03000000u, "big-endian")]
    [InlineData(4u, "version 4")]
    public void Read_UnsupportedVersion_RejectedWithReason(uint version, string reason)
    {
        var bytes = GgufBytes.Header(version, 0, 0).ToArray();

        var error = AssertRejectedCheaply(bytes);

        Assert.Equal(GgufFormatError.Unsupported, error.Error);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Version2Header_IsAccepted()
    {
        var bytes = GgufBytes.Header(2, 0, 1).Str("general.architecture").U32((uint)GgufValueType.String).Str("llama").ToArray();

        var file = GgufReader.Read(new MemoryStream(bytes), "v2");

        Assert.Equal(2u, file.Version);
        Assert.Equal("llama", file.GetString("general.architecture"));
        Assert.Equal(bytes.Length, file.DataOffset);
    }

    [Fact]
    public void ReadModelInfo_NoArchitecture_ThrowsNamingTheKey()
    {
        var path = _temp.WriteFile("noarch.gguf", GgufBytes.Header(3, 0, 0).ToArray());

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.ReadModelInfo(path));

        Assert.Contains("general.architecture", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private GgufFormatException AssertRejectedCheaply(byte[] bytes)
    {
        var path = _temp.WriteFile(Guid.NewGuid().ToString("N") + ".gguf", bytes);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes");
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        return error;
    }
}
