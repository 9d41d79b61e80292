using ChatCouncil.Inference;
using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.TinyModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.Bench;

/// <summary>Loads the model a benchmark runs on, through the same runtime the bot uses.</summary>
internal static class BenchModel
{
    public static LlamaModel Load(BenchArgs args, out string path)
    {
        var name = args.Get("model", "tiny");
        var backend = Enum.Parse<InferenceBackend>(args.Get("backend", "cpu"), ignoreCase: true);
        var directory = Path.Combine(Path.GetTempPath(), "chatcouncil-bench");
        path = name switch
        {
            "tiny" => TinyModelGenerator.EnsureCreated(directory, TinyModelSpec.Default),
            "tiny-large" => TinyModelGenerator.EnsureCreated(directory, TinyModelSpec.Benchmark),
            _ when name.StartsWith("gen:", StringComparison.Ordinal) => TinyModelGenerator.EnsureCreated(directory, Spec(name[4..])),
            _ => Path.GetFullPath(name),
        };

        var runtime = LlamaRuntime.Initialize(new InferenceOptions
        {
            Backend = backend == InferenceBackend.Cpu ? InferenceBackend.Cpu : InferenceBackend.Auto,
            VulkanVisibleDevices = Environment.GetEnvironmentVariable("GGML_VK_VISIBLE_DEVICES"),
        }, NullLogger.Instance);
        return LlamaModel.Load(runtime, path, new ModelLoadSettings { Backend = backend });
    }

    /// <summary>"1024x8": a generated llama model 1024 wide with 8 layers (head size 64, ff 3×width).</summary>
    private static TinyModelSpec Spec(string shape)
    {
        var parts = shape.Split('x');
        var width = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var layers = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new TinyModelSpec(EmbeddingLength: width, BlockCount: layers, HeadCount: width / 64, HeadCountKv: width / 64, FeedForwardLength: width * 3);
    }

    /// <summary>The same fixed prompt as the node-llama-cpp peer: one text, tokenized, repeated and cut to the count.</summary>
    public static int[] Prompt(LlamaModel model, int count)
    {
        const string text = "ChatCouncil measures how fast a binding drives llama.cpp. ";
        var unit = model.Tokenize(text, addSpecial: false, parseSpecial: false);
        return Enumerable.Range(0, count).Select(i => unit[i % unit.Length]).ToArray();
    }
}
