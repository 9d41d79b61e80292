using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.TinyModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.Inference.Tests;

/// <summary>
/// The real llama.cpp runtime (Vulkan libraries, so both backends can be exercised in one process;
/// GGML_VK_VISIBLE_DEVICES=0 admits lavapipe on machines without a GPU) and the built-in tiny model.
/// </summary>
public sealed class LlamaFixture : IDisposable
{
    public LlamaFixture()
    {
        ModelDirectory = Path.Combine(Path.GetTempPath(), "chatcouncil-tests", "models");
        Options = new InferenceOptions { VulkanVisibleDevices = "0", ModelDirectory = ModelDirectory };
        Runtime = LlamaRuntime.Initialize(Options, NullLogger.Instance);
        TinyModelPath = TinyModelGenerator.EnsureCreated(ModelDirectory, TinyModelSpec.Default);
        CpuModel = LlamaModel.Load(Runtime, TinyModelPath, new ModelLoadSettings { Backend = InferenceBackend.Cpu });
    }

    public string ModelDirectory { get; }

    public InferenceOptions Options { get; }

    public LlamaRuntime Runtime { get; }

    public string TinyModelPath { get; }

    public LlamaModel CpuModel { get; }

    public void Dispose() => CpuModel.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LlamaTests : ICollectionFixture<LlamaFixture>
{
    public const string Name = "llama";
}
