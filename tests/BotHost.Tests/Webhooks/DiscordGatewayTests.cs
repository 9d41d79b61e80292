using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>Plain Discord channel messages over the Gateway: mentions and DMs become answered turns; other chatter and bots do not.</summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private FakeDiscordGateway _gateway = null!;
    private FakeDiscordApi _api = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeDiscordGateway.StartAsync();
        _api = await FakeDiscordApi.StartAsync();
        _host = new GatewayHost(_gateway, _api);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Mention_IsAnsweredAsAReply_WhileUnaddressedAndBotMessagesAreNot()
    {
        _ = _host.Services; // starts the host, which connects to the Gateway
        await WaitUntilAsync(() => _gateway.ReadiesSent > 0); // HELLO, IDENTIFY, READY

        await _gateway.DispatchAsync("MESSAGE_CREATE", Message("700", "just chatting", mentionsBot: false, bot: false));
        await _gateway.DispatchAsync("MESSAGE_CREATE", Message("701", "<@B1> I am a bot", mentionsBot: true, bot: true));
        await _gateway.DispatchAsync("MESSAGE_CREATE", Message("702", "<@B1> what changed?", mentionsBot: true, bot: false));

        await WaitUntilAsync(() => !_api.Messages.IsEmpty);
        await Task.Delay(500);
        var reply = Assert.Single(_api.Messages);
        Assert.Equal("300", reply.ChannelId);
        Assert.Equal("702", reply.ReplyTo);
    }

    private static object Message(string id, string content, bool mentionsBot, bool bot) => new
    {
        id,
        channel_id = "300",
        guild_id = "200",
        content,
        timestamp = "2026-11-21T08:00:00.000000+00:00",
        author = new { id = bot ? "B2" : "U9", username = bot ? "otherbot" : "alice", bot },
        mentions = mentionsBot ? new[] { new { id = "B1", username = "chatcouncil" } } : [],
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private sealed class GatewayHost(FakeDiscordGateway gateway, FakeDiscordApi api) : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Webhooks:Slack:Enabled"] = "false"; // no Slack or GitHub replies here
            settings["Webhooks:GitHub:Enabled"] = "false";
            settings["Connectors:Discord:Enabled"] = "true";
            settings["Connectors:Discord:BotToken"] = FakeDiscordApi.BotToken;
            settings["Connectors:Discord:ApplicationId"] = FakeDiscordApi.ApplicationId;
            settings["Connectors:Discord:ApiBaseUrl"] = api.ApiUrl.ToString();
            settings["Connectors:Discord:Gateway:Enabled"] = "true";
            settings["Connectors:Discord:Gateway:Url"] = gateway.Url.ToString();
        }
    }
}
