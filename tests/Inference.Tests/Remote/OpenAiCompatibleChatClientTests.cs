using ChatCouncil.Inference.Adapters;
using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Tests.Remote;

public sealed class OpenAiCompatibleChatClientTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Stream_ReturnsTextUsageAndFinishReason()
    {
        using var client = new OpenAiCompatibleChatClient(_server.Endpoint, "llama3", "secret-key");
        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "hi")],
            new ChatOptions { Instructions = "be brief", MaxOutputTokens = 20, Temperature = 0.2f, StopSequences = ["END"] });

        Assert.Equal("Hello, world", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(11, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);

        var sent = Assert.Single(_server.Requests);
        Assert.Equal("llama3", sent.GetProperty("model").GetString());
        Assert.True(sent.GetProperty("stream").GetBoolean());
        Assert.Equal("system", sent.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("be brief", sent.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal("END", sent.GetProperty("stop")[0].GetString());
        Assert.Equal("Bearer secret-key", Assert.Single(_server.Authorizations));
    }

    [Fact]
    public async Task ServerError_IsRetriedThenAnswered()
    {
        _server.FailNext(1, 503);
        using var client = new OpenAiCompatibleChatClient(_server.Endpoint, "llama3", null);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("Hello, world", response.Text);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Registry_OpenAiProvider_ServesChatThroughTheRemoteServer()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new InferenceOptions
        {
            Models = new(StringComparer.OrdinalIgnoreCase)
            {
                ["remote"] = new ModelOptions { Provider = "openai", Endpoint = _server.Endpoint, RemoteModel = "served-name" },
            },
        });
        using var registry = new ModelRegistry(options, new ModelFactory(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await registry.LoadDefaultsAsync(CancellationToken.None);
        using var chat = new ModelRoutingChatClient(registry);

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "remote?")]);

        Assert.Equal("Hello, world", response.Text);
        Assert.Equal("served-name", Assert.Single(_server.Requests).GetProperty("model").GetString());
        Assert.Equal("remote", registry.Status("remote").Backend);
    }
}
