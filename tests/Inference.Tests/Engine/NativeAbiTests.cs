using System.Runtime.InteropServices;
using ChatCouncil.Inference.Native;

namespace ChatCouncil.Inference.Tests.Engine;

/// <summary>Struct layouts of llama.h v0.5.0 (x86-64); a library bump that moves a field fails here, not in production.</summary>
public sealed class NativeAbiTests
{
    [Theory]
    [InlineData(nameof(LlamaModelParams.Devices), 0)]
    [InlineData(nameof(LlamaModelParams.TensorBuftOverrides), 8)]
    [InlineData(nameof(LlamaModelParams.NGpuLayers), 16)]
    [InlineData(nameof(LlamaModelParams.SplitMode), 20)]
    [InlineData(nameof(LlamaModelParams.LoadMode), 24)]
    [InlineData(nameof(LlamaModelParams.LazyMode), 28)]
    [InlineData(nameof(LlamaModelParams.MainGpu), 32)]
    [InlineData(nameof(LlamaModelParams.TensorSplit), 40)]
    [InlineData(nameof(LlamaModelParams.ProgressCallback), 48)]
    [InlineData(nameof(LlamaModelParams.ProgressCallbackUserData), 56)]
    [InlineData(nameof(LlamaModelParams.KvOverrides), 64)]
    [InlineData(nameof(LlamaModelParams.VocabOnly), 72)]
    [InlineData(nameof(LlamaModelParams.CheckTensors), 73)]
    [InlineData(nameof(LlamaModelParams.UseExtraBufts), 74)]
    [InlineData(nameof(LlamaModelParams.NoHost), 75)]
    [InlineData(nameof(LlamaModelParams.NoAlloc), 76)]
    [InlineData(nameof(LlamaModelParams.LoadMtp), 77)]
    public void ModelParams_FieldOffsets_MatchHeader(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<LlamaModelParams>(field));

    [Fact]
    public void ModelParams_Size_MatchesHeader() => Assert.Equal(80, Marshal.SizeOf<LlamaModelParams>());

    [Theory]
    [InlineData(nameof(LlamaContextParams.NCtx), 0)]
    [InlineData(nameof(LlamaContextParams.NBatch), 4)]
    [InlineData(nameof(LlamaContextParams.NUbatch), 8)]
    [InlineData(nameof(LlamaContextParams.NSeqMax), 12)]
    [InlineData(nameof(LlamaContextParams.NRsSeq), 16)]
    [InlineData(nameof(LlamaContextParams.NOutputsMax), 20)]
    [InlineData(nameof(LlamaContextParams.NOutputsMaxPerSeq), 24)]
    [InlineData(nameof(LlamaContextParams.NThreads), 28)]
    [InlineData(nameof(LlamaContextParams.NThreadsBatch), 32)]
    [InlineData(nameof(LlamaContextParams.CtxType), 36)]
    [InlineData(nameof(LlamaContextParams.RopeScalingType), 40)]
    [InlineData(nameof(LlamaContextParams.PoolingType), 44)]
    [InlineData(nameof(LlamaContextParams.AttentionType), 48)]
    [InlineData(nameof(LlamaContextParams.FlashAttnType), 52)]
    [InlineData(nameof(LlamaContextParams.RopeFreqBase), 56)]
    [InlineData(nameof(LlamaContextParams.RopeFreqScale), 60)]
    [InlineData(nameof(LlamaContextParams.YarnExtFactor), 64)]
    [InlineData(nameof(LlamaContextParams.YarnAttnFactor), 68)]
    [InlineData(nameof(LlamaContextParams.YarnBetaFast), 72)]
    [InlineData(nameof(LlamaContextParams.YarnBetaSlow), 76)]
    [InlineData(nameof(LlamaContextParams.YarnOrigCtx), 80)]
    [InlineData(nameof(LlamaContextParams.DefragThold), 84)]
    [InlineData(nameof(LlamaContextParams.CbEval), 88)]
    [InlineData(nameof(LlamaContextParams.CbEvalUserData), 96)]
    [InlineData(nameof(LlamaContextParams.TypeK), 104)]
    [InlineData(nameof(LlamaContextParams.TypeV), 108)]
    [InlineData(nameof(LlamaContextParams.AbortCallback), 112)]
    [InlineData(nameof(LlamaContextParams.AbortCallbackData), 120)]
    [InlineData(nameof(LlamaContextParams.Embeddings), 128)]
    [InlineData(nameof(LlamaContextParams.OffloadKqv), 129)]
    [InlineData(nameof(LlamaContextParams.NoPerf), 130)]
    [InlineData(nameof(LlamaContextParams.OpOffload), 131)]
    [InlineData(nameof(LlamaContextParams.SwaFull), 132)]
    [InlineData(nameof(LlamaContextParams.KvUnified), 133)]
    [InlineData(nameof(LlamaContextParams.Samplers), 136)]
    [InlineData(nameof(LlamaContextParams.NSamplers), 144)]
    [InlineData(nameof(LlamaContextParams.CtxOther), 152)]
    public void ContextParams_FieldOffsets_MatchHeader(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<LlamaContextParams>(field));

    [Fact]
    public void ContextParams_Size_MatchesHeader() => Assert.Equal(160, Marshal.SizeOf<LlamaContextParams>());

    [Theory]
    [InlineData(nameof(LlamaBatch.NTokens), 0)]
    [InlineData(nameof(LlamaBatch.Token), 8)]
    [InlineData(nameof(LlamaBatch.Embd), 16)]
    [InlineData(nameof(LlamaBatch.Pos), 24)]
    [InlineData(nameof(LlamaBatch.NSeqId), 32)]
    [InlineData(nameof(LlamaBatch.SeqId), 40)]
    [InlineData(nameof(LlamaBatch.Logits), 48)]
    public void Batch_FieldOffsets_MatchHeader(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<LlamaBatch>(field));

    [Fact]
    public void SmallStructs_Sizes_MatchHeader()
    {
        Assert.Equal(56, Marshal.SizeOf<LlamaBatch>());
        Assert.Equal(1, Marshal.SizeOf<LlamaSamplerChainParams>());
        Assert.Equal(16, Marshal.SizeOf<LlamaChatMessage>());
        Assert.Equal(48, Marshal.SizeOf<LlamaPerfContextData>());
    }
}
