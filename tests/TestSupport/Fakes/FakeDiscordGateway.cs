using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// Discord's Gateway on a loopback WebSocket: HELLO with <see cref="HeartbeatIntervalMs"/>, heartbeat ACKs (unless
/// <see cref="AckHeartbeats"/> is off), READY for IDENTIFY with a resume URL, RESUMED for a RESUME of a live session
/// (op 9 otherwise), and, for tests to drive, dispatches, op 7 RECONNECT, op 9 INVALID_SESSION and close codes.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private long _sequence;
    private int _nextSession;
    private int _readiesSent;

    private FakeDiscordGateway(WebApplication app) => _app = app;

    public int HeartbeatIntervalMs { get; set; } = 45_000;

    public bool AckHeartbeats { get; set; } = true;

    public ConcurrentQueue<FakeWebSocketConnection> Connections { get; } = new();

    /// <summary>How many READY dispatches have gone out: a dispatch sent after one reaches a client that knows who it is.</summary>
    public int ReadiesSent => Volatile.Read(ref _readiesSent);

    public FakeWebSocketConnection Current => Connections.Last();

    public Uri Url => new(_app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/?v=10&encoding=json");

    public string ResumeUrl => _app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeDiscordGateway(app);
        app.UseWebSockets();
        app.Run(gateway.AcceptAsync);
        await app.StartAsync();
        return gateway;
    }

    public Task DispatchAsync(string type, object data) =>
        Current.SendAsync(new { op = 0, t = type, s = Interlocked.Increment(ref _sequence), d = data });

    public Task RequestReconnectAsync() => Current.SendAsync(new { op = 7, d = (object?)null });

    public Task InvalidateSessionAsync(bool resumable)
    {
        if (!resumable)
        {
            _sessions.Clear();
        }

        return Current.SendAsync(new { op = 9, d = resumable });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeWebSocketConnection(socket, http.Request.Path + http.Request.QueryString);
        Connections.Enqueue(connection);
        await connection.SendAsync(new { op = 10, d = new { heartbeat_interval = HeartbeatIntervalMs } });
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, http.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var payload = JsonSerializer.Deserialize<JsonElement>(buffer.AsSpan(0, result.Count));
                connection.Received.Enqueue(payload);
                await AnswerAsync(connection, payload);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away (an abort is how it drops a zombie connection).
        }
    }

    private async Task AnswerAsync(FakeWebSocketConnection connection, JsonElement payload)
    {
        switch (payload.GetProperty("op").GetInt32())
        {
            case 1 when AckHeartbeats:
                await connection.SendAsync(new { op = 11 });
                break;
            case 2:
                var session = $"session-{Interlocked.Increment(ref _nextSession)}";
                _sessions[session] = 0;
                await connection.SendAsync(new { op = 0, t = "READY", s = Interlocked.Increment(ref _sequence), d = new { v = 10, session_id = session, resume_gateway_url = ResumeUrl, user = new { id = "B1", bot = true } } });
                Interlocked.Increment(ref _readiesSent);
                break;
            case 6:
                var resumed = payload.GetProperty("d").GetProperty("session_id").GetString();
                await (resumed is not null && _sessions.ContainsKey(resumed)
                    ? connection.SendAsync(new { op = 0, t = "RESUMED", s = Interlocked.Increment(ref _sequence), d = new { } })
                    : connection.SendAsync(new { op = 9, d = false }));
                break;
            default:
                break;
        }
    }
}
