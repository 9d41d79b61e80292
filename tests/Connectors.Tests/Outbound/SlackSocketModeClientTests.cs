using System.Collections.Concurrent;
using ChatCouncil.Connectors.Slack;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class SlackSocketModeClientTests : IAsyncLifetime, IDisposable
{
    private readonly OutboundHarness _harness = new();
    private readonly RecordingHandler _handler = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeSlackApi _slack = null!;
    private Task? _run;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        await _slack.DisposeAsync();
    }

    public void Dispose()
    {
        _stop.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task RunAsync_Envelope_IsHandledThenAcknowledged()
    {
        Start();
        await Eventually.WaitUntilAsync(() => !_slack.Sockets.IsEmpty, "a Socket Mode connection");

        var id = await _slack.SendEnvelopeAsync("events_api", new { type = "event_callback", event_id = "Ev1", @event = new { type = "app_mention", text = "hi" } });

        await Eventually.WaitUntilAsync(() => !_slack.CurrentSocket.Received.IsEmpty, "the acknowledgement");
        Assert.Equal(id, Assert.Single(_slack.CurrentSocket.Received).GetProperty("envelope_id").GetString());
        var envelope = Assert.Single(_handler.Handled);
        Assert.Equal(("events_api", "Ev1", 0), (envelope.Type, envelope.Payload.GetProperty("event_id").GetString(), envelope.RetryAttempt));
        Assert.Equal("Bearer " + FakeSlackApi.AppToken, Assert.Single(_slack.RequestsTo("apps.connections.open")).Header("Authorization"));
    }

    [Fact]
    public async Task RunAsync_HandlerFails_LeavesTheEnvelopeUnacknowledgedForSlackToRetry()
    {
        Start();
        await Eventually.WaitUntilAsync(() => !_slack.Sockets.IsEmpty, "a Socket Mode connection");
        _handler.FailNext = true;

        await _slack.SendEnvelopeAsync("events_api", new { event_id = "Ev1" });
        var second = await _slack.SendEnvelopeAsync("events_api", new { event_id = "Ev2" }, retryAttempt: 1);

        await Eventually.WaitUntilAsync(() => !_slack.CurrentSocket.Received.IsEmpty, "an acknowledgement");
        Assert.Equal(second, Assert.Single(_slack.CurrentSocket.Received).GetProperty("envelope_id").GetString());
        Assert.Equal("timeout", Assert.Single(_handler.Handled).RetryReason);
    }

    [Fact]
    public async Task RunAsync_DisconnectRequested_OpensANewConnectionAndGoesOn()
    {
        Start();
        await Eventually.WaitUntilAsync(() => !_slack.Sockets.IsEmpty, "a Socket Mode connection");

        await _slack.SendDisconnectAsync("refresh_requested");
        await Eventually.WaitUntilAsync(() => _slack.Sockets.Count == 2, "a second connection");
        await _slack.SendEnvelopeAsync("slash_commands", new { command = "/council" });

        await Eventually.WaitUntilAsync(() => _handler.Handled.Count == 1, "the envelope on the new connection");
        Assert.Equal(2, _slack.RequestsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ReconnectsAfterBackingOff()
    {
        Start();
        await Eventually.WaitUntilAsync(() => !_slack.Sockets.IsEmpty, "a Socket Mode connection");

        await _slack.CurrentSocket.CloseAsync(1011);

        await Eventually.WaitUntilAsync(() => _slack.Sockets.Count == 2, "a second connection");
        Assert.Contains(_harness.Time.Waits, w => w >= TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task RunAsync_LinkDisabled_Stops()
    {
        Start();
        await Eventually.WaitUntilAsync(() => !_slack.Sockets.IsEmpty, "a Socket Mode connection");

        await _slack.SendDisconnectAsync("link_disabled");

        await Eventually.WaitUntilAsync(() => _run!.IsCompleted, "Socket Mode to stop");
        Assert.Single(_slack.Sockets);
    }

    [Fact]
    public async Task RunAsync_AppTokenRefused_StopsWithoutRetryingOrLoggingIt()
    {
        Start("xapp-1-wrong-token");

        await Eventually.WaitUntilAsync(() => _run!.IsCompleted, "Socket Mode to stop");
        Assert.Single(_slack.Requests);
        Assert.Contains("invalid_auth", _harness.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-1-wrong-token", _harness.Logs.All, StringComparison.Ordinal);
    }

    private void Start(string appToken = FakeSlackApi.AppToken)
    {
        var slackOptions = OutboundHarness.Wrap(new SlackApiOptions { Enabled = true, BotToken = FakeSlackApi.BotToken, ApiBaseUrl = _slack.ApiUrl });
        var api = new SlackWebApiClient(_harness.Track(_harness.Clients.Create(_slack.ApiUrl)), slackOptions, _harness.Time);
        var client = new SlackSocketModeClient(
            api,
            OutboundHarness.Wrap(new SlackSocketModeOptions { Enabled = true, AppToken = appToken }),
            [_handler],
            _harness.Time,
            _harness.Logs.CreateLogger<SlackSocketModeClient>());
        _run = client.RunAsync(_stop.Token);
    }

    private sealed class RecordingHandler : ISlackEnvelopeHandler
    {
        public ConcurrentQueue<SlackEnvelope> Handled { get; } = new();

        public bool FailNext { get; set; }

        public Task HandleAsync(SlackEnvelope envelope, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the inbox is down");
            }

            Handled.Enqueue(envelope);
            return Task.CompletedTask;
        }
    }
}
