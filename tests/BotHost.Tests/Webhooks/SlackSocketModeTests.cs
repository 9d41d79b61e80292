using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>Slack without a public URL: events arrive over Socket Mode, go through the inbox and are answered in the thread.</summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SocketModeHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _host = new SocketModeHost(_slack);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task AppMentionEnvelope_IsAnsweredInItsThreadOnce_EvenWhenRedelivered()
    {
        _ = _host.Services; // starts the host, which opens the Socket Mode connection
        await WaitUntilAsync(() => !_slack.Sockets.IsEmpty);
        using var payload = JsonDocument.Parse(Payloads.SlackMention("Ev-socket-1", "1700000100.000100"));

        await _slack.SendEnvelopeAsync("events_api", payload.RootElement);
        await _slack.SendEnvelopeAsync("events_api", payload.RootElement, retryAttempt: 1);

        await WaitUntilAsync(() => !_slack.Messages.IsEmpty);
        await Task.Delay(500);
        var posted = Assert.Single(_slack.Messages);
        Assert.Equal("1700000100.000100", posted.ThreadTs);
        Assert.Contains(_slack.Requests, r => r.Path.EndsWith("apps.connections.open", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private sealed class SocketModeHost(FakeSlackApi slack) : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Webhooks:Slack:Enabled"] = "false";
            settings["Webhooks:Discord:Enabled"] = "false"; // no Discord or GitHub replies here
            settings["Webhooks:GitHub:Enabled"] = "false";
            settings["Connectors:Slack:Enabled"] = "true";
            settings["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken;
            settings["Connectors:Slack:ApiBaseUrl"] = slack.ApiUrl.ToString();
            settings["Connectors:Slack:SocketMode:Enabled"] = "true";
            settings["Connectors:Slack:SocketMode:AppToken"] = FakeSlackApi.AppToken;
        }
    }
}
