using ChatCouncil.Inference.Adapters;
using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.Gguf;
using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Tests.Registry;

[Collection(LlamaTests.Name)]
public sealed class ModelRegistryTests(LlamaFixture fixture)
{
    [Fact]
    public async Task LoadDefaults_NoConfiguration_ServesTheBuiltInTinyModelForChatAndEmbeddings()
    {
        using var registry = RegistryHarness.Create(fixture);
        await registry.LoadDefaultsAsync(CancellationToken.None);

        var status = Assert.Single(registry.List());
        Assert.Equal("tiny", status.Id);
        Assert.Equal(ModelState.Loaded, status.State);
        Assert.Equal(["chat", "embedding"], status.DefaultFor);
        Assert.Equal("llama", status.Facts!.Architecture);
        Assert.Equal("F32", status.Facts.Quantization);
    }

    [Fact]
    public async Task Acquire_UnknownModel_NamesTheKnownOnes()
    {
        using var registry = RegistryHarness.Create(fixture);
        await registry.LoadDefaultsAsync(CancellationToken.None);

        var ex = Assert.Throws<UnknownModelException>(() => registry.Acquire("gpt-9", ModelRoles.Chat));
        Assert.Contains("tiny", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnknownModelException>(() => registry.LoadAsync("gpt-9"));
    }

    [Fact]
    public async Task Load_MissingFile_NamesThePathAndTheFix()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.gguf");
        using var registry = RegistryHarness.Create(fixture, new() { ["gone"] = new ModelOptions { Path = missing } });

        var ex = await Assert.ThrowsAsync<ModelLoadException>(() => registry.LoadAsync("gone"));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Inference:Models:gone:Path", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelState.Failed, registry.Status("gone").State);
        Assert.Contains("failed to load", Assert.Throws<ModelUnavailableException>(() => registry.Acquire("gone", ModelRoles.Chat)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TruncatedFile_IsRejectedBeforeLlamaCppSeesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.gguf");
        var bytes = await File.ReadAllBytesAsync(fixture.TinyModelPath);
        await File.WriteAllBytesAsync(path, bytes.AsMemory(0, bytes.Length / 2));
        try
        {
            using var registry = RegistryHarness.Create(fixture, new() { ["cut"] = new ModelOptions { Path = path } });
            var ex = await Assert.ThrowsAsync<GgufFormatException>(() => registry.LoadAsync("cut"));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("re-download", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Load_FileThatIsNotGguf_SaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.gguf");
        await File.WriteAllTextAsync(path, "<html><body>404 not found</body></html>");
        try
        {
            using var registry = RegistryHarness.Create(fixture, new() { ["html"] = new ModelOptions { Path = path } });
            var ex = await Assert.ThrowsAsync<GgufFormatException>(() => registry.LoadAsync("html"));
            Assert.Contains("GGUF", ex.Message, StringComparison.Ordinal);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Load_WhileAnotherLoadRuns_IsRefusedWithoutWaiting()
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var options = RegistryHarness.Options(fixture, new() { ["a"] = RegistryHarness.Tiny(), ["b"] = RegistryHarness.Tiny() });
        var factory = new ModelFactory(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var registry = new ModelRegistry(options, (id, entry) =>
        {
            started.Set();
            release.Wait();
            return factory.Create(id, entry);
        }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var first = registry.LoadAsync("a");
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => registry.LoadAsync("b"));
        Assert.Contains("'a' is being loaded", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelState.Loading, registry.Status("a").State);

        release.Set();
        await first;
        Assert.Equal(ModelState.Loaded, (await registry.LoadAsync("b")).State);
    }

    [Fact]
    public async Task HotSwap_UnderASteadyStreamOfRequests_LosesNone()
    {
        using var registry = RegistryHarness.Create(fixture, new() { ["old"] = RegistryHarness.Tiny(), ["new"] = RegistryHarness.Tiny() }, new() { ["chat"] = "old" });
        await registry.LoadDefaultsAsync(CancellationToken.None);
        using var client = new ModelRoutingChatClient(registry);
        var options = new ChatOptions { MaxOutputTokens = 12, Temperature = 0 };

        using var stop = new CancellationTokenSource();
        var servedBy = new System.Collections.Concurrent.ConcurrentBag<string>();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested || count < 3)
            {
                var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"worker {w} request {count}")], options);
                Assert.Equal(12, response.Usage!.OutputTokenCount);
                servedBy.Add(response.ModelId!);
                count++;
            }

            return count;
        })).ToArray();

        await WaitUntilAsync(() => servedBy.Contains("old"));
        await registry.LoadAsync("new");
        await WaitUntilAsync(() => servedBy.Contains("new"));
        await registry.LoadAsync("old");
        var afterSwapBack = servedBy.Count;
        await WaitUntilAsync(() => servedBy.Count > afterSwapBack + 8);
        await stop.CancelAsync();
        var completed = await Task.WhenAll(workers);

        Assert.All(completed, c => Assert.True(c >= 3));
        Assert.Contains("new", servedBy);
        Assert.Contains("old", servedBy);
        Assert.Equal(ModelState.NotLoaded, registry.Status("new").State);
        Assert.Equal(ModelState.Loaded, registry.Status("old").State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for requests to be served");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Embeddings_AreNormalizedDeterministicAndDistinct()
    {
        using var registry = RegistryHarness.Create(fixture, new() { ["embed"] = RegistryHarness.Tiny(ModelRoles.Embedding) });
        await registry.LoadDefaultsAsync(CancellationToken.None);
        using var generator = new ModelRoutingEmbeddingGenerator(registry);

        var first = await generator.GenerateAsync(["release notes for the council", "a cat sat on the mat", "release notes for the council"]);
        var again = await generator.GenerateAsync(["release notes for the council"]);

        foreach (var e in first)
        {
            Assert.Equal(64, e.Vector.Length);
            Assert.Equal(1.0, System.Numerics.Tensors.TensorPrimitives.Norm(e.Vector.Span), 4);
        }

        Assert.Equal(first[0].Vector.ToArray(), first[2].Vector.ToArray());
        Assert.Equal(first[0].Vector.ToArray(), again[0].Vector.ToArray());
        Assert.NotEqual(first[0].Vector.ToArray(), first[1].Vector.ToArray());
    }

    [Fact]
    public async Task ChatClient_JsonResponseFormat_ProducesJson()
    {
        using var registry = RegistryHarness.Create(fixture);
        await registry.LoadDefaultsAsync(CancellationToken.None);
        using var client = new ModelRoutingChatClient(registry);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "json please")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 300, Seed = 7, Temperature = 0.9f });

        using var doc = System.Text.Json.JsonDocument.Parse(response.Text);
        Assert.Equal("tiny", response.ModelId);
        Assert.True(response.Usage!.InputTokenCount > 0);
    }
}
