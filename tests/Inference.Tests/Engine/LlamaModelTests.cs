using ChatCouncil.Inference.Engine;

namespace ChatCouncil.Inference.Tests.Engine;

[Collection(LlamaTests.Name)]
public sealed class LlamaModelTests(LlamaFixture fixture)
{
    [Fact]
    public void Load_TinyModel_ReportsItsShape()
    {
        var model = fixture.CpuModel;
        Assert.Equal(64, model.EmbeddingLength);
        Assert.Equal(2048, model.TrainedContextLength);
        Assert.InRange(model.ParameterCount, 50_000, 1_000_000);
        Assert.Contains("<|im_start|>", model.ChatTemplate, StringComparison.Ordinal);
        Assert.Equal(InferenceBackend.Cpu, model.Backend);
    }

    [Fact]
    public void Tokenize_ControlTokensWithParseSpecial_BecomeSingleTokens()
    {
        var model = fixture.CpuModel;
        var plain = model.Tokenize("<|im_start|>", addSpecial: false, parseSpecial: false);
        var special = model.Tokenize("<|im_start|>", addSpecial: false, parseSpecial: true);
        Assert.Single(special);
        Assert.True(plain.Length > 1);
    }

    [Fact]
    public void ApplyChatTemplate_RendersChatMl()
    {
        var prompt = fixture.CpuModel.ApplyChatTemplate([("system", "Be brief."), ("user", "hi")], addAssistantPrefix: true);
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public void Runtime_ListsCpuDevice_AndVulkanThroughLavapipe()
    {
        Assert.Contains(fixture.Runtime.Devices, d => d.Kind == ComputeDeviceKind.Cpu);
        Assert.True(fixture.Runtime.IsVulkanFlavour, "the Vulkan libraries should load when libvulkan1 is installed");
        Assert.True(fixture.Runtime.HasGpuDevice, "a Vulkan device (lavapipe from mesa-vulkan-drivers, or a GPU) should be visible");
    }

    [Fact]
    public void Decode_SamePromptOnVulkanAndCpu_GivesMatchingLogits()
    {
        using var vulkanModel = LlamaModel.Load(fixture.Runtime, fixture.TinyModelPath, new ModelLoadSettings { Backend = InferenceBackend.Vulkan });
        Assert.Equal(InferenceBackend.Vulkan, vulkanModel.Backend);
        var cpu = FirstLogits(fixture.CpuModel);
        var vulkan = FirstLogits(vulkanModel);
        var maxDiff = cpu.Zip(vulkan, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff < 1e-2, $"logits differ by {maxDiff}");
    }

    private static float[] FirstLogits(LlamaModel model)
    {
        using var context = LlamaContext.Create(model, new ContextSettings { ContextLength = 256, BatchSize = 64 });
        using var batch = new TokenBatch(64);
        var tokens = model.Tokenize("hello council", addSpecial: true, parseSpecial: false);
        for (var i = 0; i < tokens.Length; i++)
        {
            batch.Add(tokens[i], i, 0, wantLogits: i == tokens.Length - 1);
        }

        Assert.Equal(DecodeStatus.Ok, context.Decode(batch));
        return context.GetLogits(tokens.Length - 1).ToArray();
    }
}
