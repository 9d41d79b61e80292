using System.Net;
using ChatCouncil.BotHost.Chat;
using ChatCouncil.BotHost.SocketMode;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.BotHost.Webhooks;
using ChatCouncil.Connectors;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// An enabled platform without its secret stops the start with a message naming the setting, and so does a way in
/// (webhook, Socket Mode, Gateway) whose platform cannot answer; a platform that is not enabled has no route. (A host of its own for the start failures, as in StorageConfigurationTests.)
/// </summary>
public sealed class WebhookConfigurationTests(BotHostFactory defaults) : IClassFixture<BotHostFactory>, IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("Slack", "SigningSecret", "", "Webhooks:Slack:SigningSecret is required")]
    [InlineData("GitHub", "Secret", " ", "Webhooks:GitHub:Secret is required")]
    [InlineData("Discord", "PublicKey", "", "Webhooks:Discord:PublicKey must be the application's public key")]
    [InlineData("Discord", "PublicKey", "not-hex-and-far-too-short", "Webhooks:Discord:PublicKey must be the application's public key")]
    public async Task Start_EnabledPlatformWithoutItsSecret_FailsNamingTheSetting(string platform, string setting, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            [$"Webhooks:{platform}:Enabled"] = "true",
            [$"Webhooks:{platform}:{setting}"] = value,
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack", "SigningSecret", "secret")]
    [InlineData("GitHub", "Secret", "secret")]
    [InlineData("Discord", "PublicKey", null)]
    public async Task Start_WebhookOnWithoutItsReplyConnector_FailsNamingBothSettings(string platform, string setting, string? value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Inbox:ProcessEvents"] = "true",
            [$"Webhooks:{platform}:Enabled"] = "true",
            [$"Webhooks:{platform}:{setting}"] = value ?? new DiscordTestKey().PublicKeyHex,
        }));

        Assert.Contains($"Webhooks:{platform}:Enabled is true but Connectors:{platform}:Enabled is not", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Set Connectors:{platform}:Enabled to true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_IntakeOnlyHostWithoutReplyConnectors_Starts()
    {
        // It only stores events; the hosts that process the shared inbox answer them.
        await StartAsync(new()
        {
            ["Inbox:ProcessEvents"] = "false",
            ["Webhooks:Slack:Enabled"] = "true",
            ["Webhooks:Slack:SigningSecret"] = "secret",
            ["Webhooks:GitHub:Enabled"] = "true",
            ["Webhooks:GitHub:Secret"] = "secret",
        });
    }

    [Fact]
    public async Task Start_SocketModeOnWithoutTheSlackConnector_FailsNamingBothSettings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Inbox:ProcessEvents"] = "true",
            ["Connectors:Slack:SocketMode:Enabled"] = "true",
            ["Connectors:Slack:SocketMode:AppToken"] = "xapp-1-token",
        }));

        Assert.Contains("Connectors:Slack:SocketMode:Enabled is true but Connectors:Slack:Enabled is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GatewayOnWithoutTheDiscordConnector_FailsNamingBothSettings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Inbox:ProcessEvents"] = "true",
            ["Connectors:Discord:Gateway:Enabled"] = "true",
            ["Connectors:Discord:BotToken"] = "bot-token",
        }));

        Assert.Contains("Connectors:Discord:Gateway:Enabled is true but Connectors:Discord:Enabled is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WebhooksWithTheirReplyConnectors_Starts()
    {
        await StartAsync(new()
        {
            ["Webhooks:Slack:Enabled"] = "true",
            ["Webhooks:Slack:SigningSecret"] = "secret",
            ["Connectors:Slack:Enabled"] = "true",
            ["Connectors:Slack:BotToken"] = "xoxb-token",
            ["Webhooks:GitHub:Enabled"] = "true",
            ["Webhooks:GitHub:Secret"] = "secret",
            ["Connectors:GitHub:Enabled"] = "true",
            ["Connectors:GitHub:Token"] = "ghp-token",
        });
    }

    [Fact]
    public async Task Start_MaxBodyBytesTooSmall_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Webhooks:MaxBodyBytes"] = "10" }));

        Assert.Contains("Webhooks:MaxBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InboxWorkersOutOfRange_Fails()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Inbox:Workers"] = "0" }));

        Assert.Contains("Workers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NothingEnabled_Starts()
    {
        await StartAsync([]);
    }

    [Theory]
    [InlineData("/webhooks/slack/events")]
    [InlineData("/webhooks/slack/commands")]
    [InlineData("/webhooks/slack/interactions")]
    [InlineData("/webhooks/discord/interactions")]
    [InlineData("/webhooks/github")]
    public async Task Post_PlatformNotEnabled_Is404(string path)
    {
        using var client = defaults.CreateClient();

        using var response = await client.SendAsync(Payloads.Post(path, "{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _directory.Dispose();

    private async Task StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory.Path });
        // Hosts that only store events, unless a test needs one that answers them (with no events, its workers idle).
        settings.TryAdd("Inbox:ProcessEvents", "false");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IChatClient, SilentChatClient>();
        builder.AddStorage();
        builder.AddChat();
        builder.AddConnectors();
        builder.AddWebhooks();
        builder.AddSocketMode();
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }

    /// <summary>Never called: these hosts answer no events. It only completes the services the inbox needs.</summary>
    private sealed class SilentChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
