using System.Collections.Concurrent;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class DiscordGatewayClientTests : IAsyncLifetime, IDisposable
{
    private const string Token = "gateway-bot-token.secret";
    private readonly RecordingHandler _handler = new();
    private readonly CapturedLogs _logs = new();
    private FakeDiscordGateway _gateway = null!;
    private readonly CancellationTokenSource _stop = new();
    private DiscordGatewayClient? _client;
    private Task? _run;

    public async Task InitializeAsync() => _gateway = await FakeDiscordGateway.StartAsync();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        await _gateway.DisposeAsync();
    }

    public void Dispose()
    {
        _stop.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Start_Hello_IdentifiesWithTokenIntentsAndApiVersion()
    {
        await StartAsync();

        await Eventually.WaitUntilAsync(() => _client!.SessionId == "session-1", "READY");
        var identify = Assert.Single(_gateway.Current.ReceivedOp(2)).GetProperty("d");
        Assert.Equal(Token, identify.GetProperty("token").GetString());
        Assert.Equal((1 << 9) | (1 << 12) | (1 << 15), identify.GetProperty("intents").GetInt32());
        Assert.Equal("/?v=10&encoding=json", _gateway.Current.PathAndQuery);
    }

    [Fact]
    public async Task Dispatch_MessageCreate_ReachesTheHandlerInOrder()
    {
        await StartReadyAsync();

        for (var i = 0; i < 3; i++)
        {
            await _gateway.DispatchAsync("MESSAGE_CREATE", new { id = $"M{i}", channel_id = "C1", content = $"hello {i}" });
        }

        await Eventually.WaitUntilAsync(() => _handler.Dispatches.Count(d => d.Type == "MESSAGE_CREATE") == 3, "three dispatches");
        var messages = _handler.Dispatches.Where(d => d.Type == "MESSAGE_CREATE").ToArray();
        Assert.Equal(["M0", "M1", "M2"], messages.Select(d => d.Data.GetProperty("id").GetString()));
        Assert.Equal([2L, 3L, 4L], messages.Select(d => d.Sequence));
        Assert.Equal("READY", _handler.Dispatches.First().Type); // it carries the bot's own user id
    }

    [Fact]
    public async Task Heartbeat_OnTheHelloInterval_CarriesTheLastSequence()
    {
        _gateway.HeartbeatIntervalMs = 100;
        await StartReadyAsync(TimeProvider.System);
        await _gateway.DispatchAsync("MESSAGE_CREATE", new { id = "M1" });

        await Eventually.WaitUntilAsync(() => _gateway.Current.ReceivedOp(1).Any(h => h.GetProperty("d").ValueKind == System.Text.Json.JsonValueKind.Number && h.GetProperty("d").GetInt64() == 2), "a heartbeat with sequence 2");
        Assert.Single(_gateway.Connections);
    }

    [Fact]
    public async Task Reconnect_Requested_ResumesTheSessionOnTheResumeUrl()
    {
        await StartReadyAsync();
        await _gateway.DispatchAsync("MESSAGE_CREATE", new { id = "M1" });
        await Eventually.WaitUntilAsync(() => _handler.Dispatches.Count(d => d.Type == "MESSAGE_CREATE") == 1, "the first message");

        await _gateway.RequestReconnectAsync();

        await Eventually.WaitUntilAsync(() => _gateway.Connections.Count == 2 && _gateway.Current.ReceivedOp(6).Any(), "a RESUME");
        var resume = _gateway.Current.ReceivedOp(6).Single().GetProperty("d");
        Assert.Equal(("session-1", 2L, Token), (resume.GetProperty("session_id").GetString(), resume.GetProperty("seq").GetInt64(), resume.GetProperty("token").GetString()));
        Assert.Equal("/resume/?v=10&encoding=json", _gateway.Current.PathAndQuery);
        Assert.Empty(_gateway.Current.ReceivedOp(2));

        await _gateway.DispatchAsync("MESSAGE_CREATE", new { id = "M2" });
        await Eventually.WaitUntilAsync(() => _handler.Dispatches.Count(d => d.Type == "MESSAGE_CREATE") == 2, "a message after resuming");
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAnew()
    {
        await StartReadyAsync();

        await _gateway.InvalidateSessionAsync(resumable: false);

        await Eventually.WaitUntilAsync(() => _client!.SessionId == "session-2", "a new session");
        Assert.Single(_gateway.Current.ReceivedOp(2));
        Assert.Empty(_gateway.Current.ReceivedOp(6));
        Assert.Equal("/?v=10&encoding=json", _gateway.Current.PathAndQuery);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await StartReadyAsync();

        await _gateway.InvalidateSessionAsync(resumable: true);

        await Eventually.WaitUntilAsync(() => _gateway.Connections.Count == 2 && _gateway.Current.ReceivedOp(6).Any(), "a RESUME");
        Assert.Equal("session-1", _client!.SessionId);
    }

    [Fact]
    public async Task Heartbeat_NotAcknowledged_DropsTheConnectionAndResumes()
    {
        _gateway.HeartbeatIntervalMs = 100;
        _gateway.AckHeartbeats = false;
        await StartReadyAsync(TimeProvider.System);

        await Eventually.WaitUntilAsync(() => _gateway.Connections.Count >= 2 && _gateway.Current.ReceivedOp(6).Any(), "a RESUME after a zombie connection");
        Assert.Contains("did not acknowledge the last heartbeat", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_SessionTimedOut_IdentifiesAnewAfterBackingOff()
    {
        await StartReadyAsync();

        await _gateway.Current.CloseAsync(4009);

        await Eventually.WaitUntilAsync(() => _client!.SessionId == "session-2", "a new session");
        Assert.Single(_gateway.Current.ReceivedOp(2));
    }

    [Fact]
    public async Task Close_AuthenticationFailed_StopsWithoutReconnecting()
    {
        await StartReadyAsync();

        await _gateway.Current.CloseAsync(4004);

        await Eventually.WaitUntilAsync(() => _run!.IsCompleted, "the gateway loop to stop");
        Assert.Single(_gateway.Connections);
        Assert.Contains("4004", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, _logs.All, StringComparison.Ordinal);
    }

    private async Task StartReadyAsync(TimeProvider? time = null)
    {
        await StartAsync(time);
        await Eventually.WaitUntilAsync(() => _client!.SessionId == "session-1", "READY");
    }

    private async Task StartAsync(TimeProvider? time = null)
    {
        // Waits of up to 10 s (reconnect backoff, invalid-session pause) are skipped; heartbeats on a 45 s interval are not.
        time ??= new FastForwardTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceLimit = TimeSpan.FromSeconds(10) };
        _client = new DiscordGatewayClient(
            OutboundHarness.Wrap(new DiscordGatewayOptions { Enabled = true, Url = _gateway.Url }),
            OutboundHarness.Wrap(new DiscordApiOptions { Enabled = true, BotToken = Token }),
            [_handler],
            time,
            _logs.CreateLogger<DiscordGatewayClient>());
        _run = _client.RunAsync(_stop.Token);
        await Task.Yield();
    }

    private sealed class RecordingHandler : IDiscordDispatchHandler
    {
        public ConcurrentQueue<DiscordDispatch> Dispatches { get; } = new();

        public Task HandleAsync(DiscordDispatch dispatch, CancellationToken cancellationToken)
        {
            Dispatches.Enqueue(dispatch);
            return Task.CompletedTask;
        }
    }
}
