using System.Security.Cryptography;
using ChatCouncil.Inference.Gguf;
using ChatCouncil.Inference.Tests.Gguf;
using ChatCouncil.Inference.TinyModel;

namespace ChatCouncil.Inference.Tests.TinyModel;

public sealed class TinyModelGeneratorTests : IDisposable
{
    // Pinned so that a change to the generator, or anything platform- or process-dependent in it,
    // fails here. Update it only for a deliberate change to the tiny model.
    private const string DefaultModelSha256 = "98FE3CA21875D534939E0D34B0268CFC4FC9B7271752A8BDDF017C651948943A";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Generate_TwoRuns_ProduceTheSameSha256()
    {
        var first = SHA256.HashData(TinyModelGenerator.Generate(TinyModelSpec.Default));
        var second = SHA256.HashData(TinyModelGenerator.Generate(TinyModelSpec.Default));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DefaultSpec_MatchesSha256PinnedFromAnotherProcess()
    {
        var hash = Convert.ToHexString(SHA256.HashData(TinyModelGenerator.Generate(TinyModelSpec.Default)));

        Assert.Equal(DefaultModelSha256, hash);
    }

    [Fact]
    public void ReadModelInfo_DefaultTinyModel_ReportsItsShape()
    {
        var path = TinyModelGenerator.EnsureCreated(_temp.Path, TinyModelSpec.Default);

        var info = GgufReader.ReadModelInfo(path);

        // token_embd + output (64×356 each), output_norm, and per layer 2 norms, 4 attention and 3 FFN matrices.
        const long expectedParameters = (2 * 64 * 356) + 64 + (2 * ((2 * 64) + (4 * 64 * 64) + (3 * 64 * 128)));
        Assert.Equal(path, info.Path);
        Assert.Equal("llama", info.Architecture);
        Assert.Equal("ChatCouncil tiny 64x2", info.Name);
        Assert.Equal(expectedParameters, info.ParameterCount);
        Assert.Equal(127_808, info.ParameterCount);
        Assert.Equal(2048, info.ContextLength);
        Assert.Equal(64, info.EmbeddingLength);
        Assert.Equal(2, info.BlockCount);
        Assert.Equal(4, info.HeadCount);
        Assert.Equal("F32", info.Quantization);
        Assert.Equal(TinyModelVocabulary.ChatTemplate, info.ChatTemplate);
        Assert.Contains("<|im_start|>", info.ChatTemplate, StringComparison.Ordinal);
        Assert.Equal("llama", info.TokenizerModel);
        Assert.Equal(TinyModelVocabulary.Size, info.VocabSize);
        Assert.Equal(new FileInfo(path).Length, info.FileSize);
        Assert.Equal(21, info.TensorCount);
        Assert.Equal(3u, info.GgufVersion);
    }

    [Fact]
    public void Generate_BenchmarkSpec_HasAbout3Point6MillionParameters()
    {
        var file = GgufReader.Read(new MemoryStream(TinyModelGenerator.Generate(TinyModelSpec.Benchmark)), "bench");

        var parameters = file.Tensors.Sum(t => t.ElementCount);

        Assert.InRange(parameters, 3_500_000, 3_700_000);
        Assert.Equal(256, file.GetInteger("llama.embedding_length"));
        Assert.Equal(4, file.GetInteger("llama.block_count"));
        Assert.Equal(32, file.GetInteger("llama.rope.dimension_count"));
    }

    [Fact]
    public void Generate_DefaultSpec_WritesTheKeysAndTypesLlamaCppReads()
    {
        var file = GgufReader.Read(new MemoryStream(TinyModelGenerator.Generate(TinyModelSpec.Default)), "tiny");

        foreach (var key in new[] { "llama.context_length", "llama.embedding_length", "llama.block_count", "llama.feed_forward_length", "llama.attention.head_count", "llama.attention.head_count_kv", "llama.rope.dimension_count", "llama.vocab_size", "general.file_type", "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id" })
        {
            Assert.Equal(GgufValueType.UInt32, file.Metadata[key].Type);
        }

        Assert.Equal(GgufValueType.Float32, file.Metadata["llama.attention.layer_norm_rms_epsilon"].Type);
        Assert.False(file.Metadata["tokenizer.ggml.add_space_prefix"].AsBoolean());
        Assert.True(file.Metadata["tokenizer.ggml.add_bos_token"].AsBoolean());
        Assert.Equal(0, file.GetInteger("general.file_type"));
        Assert.Equal(TinyModelVocabulary.ImEndId, file.GetInteger("tokenizer.ggml.eot_token_id"));
        Assert.All(file.Tensors, t => Assert.Equal(GgmlType.F32, t.Type));
        Assert.Equal([64L, 356L], file.Tensors.Single(t => t.Name == "token_embd.weight").Dimensions);
        Assert.Equal([128L, 64L], file.Tensors.Single(t => t.Name == "blk.1.ffn_down.weight").Dimensions);
    }

    [Fact]
    public void Tokens_Vocabulary_HasUniqueTextsAndTheDocumentedLayout()
    {
        var file = GgufReader.Read(new MemoryStream(TinyModelGenerator.Generate(TinyModelSpec.Default)), "tiny");
        var tokens = file.Metadata["tokenizer.ggml.tokens"].AsArray<string>();
        var types = file.Metadata["tokenizer.ggml.token_type"].AsArray<int>();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("<unk>", tokens[TinyModelVocabulary.UnknownId]);
        Assert.Equal("<s>", tokens[TinyModelVocabulary.BosId]);
        Assert.Equal("</s>", tokens[TinyModelVocabulary.EosId]);
        Assert.Equal("<0x0A>", tokens[TinyModelVocabulary.FirstByteId + '\n']);
        Assert.Equal(6, types[TinyModelVocabulary.FirstByteId + 0xFF]);
        Assert.Equal("\u2581", tokens[TinyModelVocabulary.SpaceId]);
        Assert.Equal("!", tokens[TinyModelVocabulary.FirstAsciiId]);
        Assert.Equal("<|im_start|>", tokens[TinyModelVocabulary.ImStartId]);
        Assert.Equal("<|im_end|>", tokens[TinyModelVocabulary.ImEndId]);
        Assert.Equal(3, types[TinyModelVocabulary.ImStartId]);
        Assert.Equal(3, types[TinyModelVocabulary.ImEndId]);
        Assert.Equal(356, TinyModelVocabulary.Size);
    }

    [Fact]
    public void EnsureCreated_FileAlreadyIdentical_LeavesItUntouched()
    {
        var path = TinyModelGenerator.EnsureCreated(_temp.Path, TinyModelSpec.Default);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        var again = TinyModelGenerator.EnsureCreated(_temp.Path, TinyModelSpec.Default);

        Assert.Equal(path, again);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Equal(Path.Combine(_temp.Path, "chatcouncil-tiny-64x2.gguf"), path);
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void EnsureCreated_CorruptedFile_IsReplaced()
    {
        var path = TinyModelGenerator.EnsureCreated(_temp.Path, TinyModelSpec.Default);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        TinyModelGenerator.EnsureCreated(_temp.Path, TinyModelSpec.Default);

        Assert.Equal(TinyModelGenerator.Generate(TinyModelSpec.Default), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task EnsureCreated_ManyConcurrentCallers_AllGetACompleteFile()
    {
        var expected = TinyModelGenerator.Generate(TinyModelSpec.Default);

        var paths = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TinyModelGenerator.EnsureCreated(_temp.Path, TinyModelSpec.Default))));

        Assert.Single(paths.Distinct());
        Assert.Equal(expected, File.ReadAllBytes(paths[0]));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void FileName_PresetsAndCustomSpecs_AreDistinct()
    {
        Assert.Equal("chatcouncil-tiny-64x2.gguf", TinyModelSpec.Default.FileName);
        Assert.Equal("chatcouncil-tiny-256x4.gguf", TinyModelSpec.Benchmark.FileName);
        Assert.Equal("chatcouncil-tiny-64x2-h4-kv4-ff128-ctx4096.gguf", (TinyModelSpec.Default with { ContextLength = 4096 }).FileName);
    }

    [Theory]
    [InlineData(63, 4, 4)]
    [InlineData(64, 3, 3)]
    [InlineData(64, 4, 3)]
    [InlineData(64, 64, 64)]
    public void Generate_InvalidSpec_ThrowsArgumentException(int embedding, int heads, int kvHeads)
    {
        var spec = new TinyModelSpec(EmbeddingLength: embedding, HeadCount: heads, HeadCountKv: kvHeads);

        Assert.Throws<ArgumentException>(() => TinyModelGenerator.Generate(spec));
    }
}
