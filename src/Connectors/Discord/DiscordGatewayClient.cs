using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCouncil.Connectors.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Keeps one Discord Gateway session: HELLO → IDENTIFY (or RESUME with the last session id and sequence, on the
/// resume URL READY gave), heartbeats at the interval HELLO gave (the first one jittered), dispatches handed to the
/// <see cref="IDiscordDispatchHandler"/> in order. A missing heartbeat ACK, a dropped connection or op 7 RECONNECT
/// resumes; op 9 INVALID_SESSION resumes or identifies anew as it says, after 1–5 s; failed attempts back off
/// exponentially with jitter; close codes that no reconnect can fix (4004 bad token, 4010–4014) stop it.
/// A host runs <see cref="RunAsync"/> once, from a hosted worker, for the life of the process.
/// </summary>
public sealed class DiscordGatewayClient(
    IOptions<DiscordGatewayOptions> gatewayOptions,
    IOptions<DiscordApiOptions> apiOptions,
    IEnumerable<IDiscordDispatchHandler> handlers,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger)
{
    private const int OpDispatch = 0;
    private const int OpHeartbeat = 1;
    private const int OpIdentify = 2;
    private const int OpResume = 6;
    private const int OpReconnect = 7;
    private const int OpInvalidSession = 9;
    private const int OpHello = 10;
    private const int OpHeartbeatAck = 11;
    private static readonly int[] FatalCloseCodes = [4004, 4010, 4011, 4012, 4013, 4014];

    private readonly IDiscordDispatchHandler? _handler = handlers.LastOrDefault();
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long _sequence = -1;
    private int _awaitingAck;
    private int _failures;

    /// <summary>The current session id, null before READY or after the session was invalidated.</summary>
    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>Connects and stays connected until <paramref name="stoppingToken"/> fires or a fatal close; returns at once when disabled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!gatewayOptions.Value.Enabled)
        {
            return;
        }

        if (_handler is null)
        {
            throw new InvalidOperationException("Connectors:Discord:Gateway:Enabled is true but no IDiscordDispatchHandler is registered to receive messages.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? delay;
            try
            {
                var end = await RunSessionAsync(stoppingToken);
                if (end.Fatal)
                {
                    return;
                }

                delay = end.Delay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or JsonException or InvalidDataException or OperationCanceledException)
            {
                delay = null;
                DiscordGatewayLog.ConnectionLost(logger, e.GetType().Name, Backoff(_failures + 1));
            }

            delay ??= Backoff(++_failures);
            try
            {
                await Task.Delay(delay.Value, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<SessionEnd> RunSessionAsync(CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        var resume = _sessionId is not null && _resumeUrl is not null;
        await socket.ConnectAsync(resume ? _resumeUrl! : gatewayOptions.Value.Url, stoppingToken);
        var hello = await ReceiveAsync(socket, stoppingToken);
        if (hello is not { } helloPayload || Op(helloPayload) != OpHello)
        {
            throw new InvalidDataException("The Discord Gateway did not start with HELLO.");
        }

        var interval = TimeSpan.FromMilliseconds(helloPayload.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
        using var sendLock = new SemaphoreSlim(1, 1);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Volatile.Write(ref _awaitingAck, 0);
        var heartbeats = HeartbeatAsync(socket, sendLock, interval, session.Token);
        try
        {
            await SendAsync(socket, sendLock, resume ? ResumePayload() : IdentifyPayload(), stoppingToken);
            while (true)
            {
                if (await ReceiveAsync(socket, stoppingToken) is not { } payload)
                {
                    return Closed(socket.CloseStatus);
                }

                switch (Op(payload))
                {
                    case OpDispatch:
                        await DispatchAsync(payload, stoppingToken);
                        break;
                    case OpHeartbeat:
                        await SendAsync(socket, sendLock, HeartbeatPayload(), stoppingToken);
                        break;
                    case OpHeartbeatAck:
                        Volatile.Write(ref _awaitingAck, 0);
                        break;
                    case OpReconnect:
                        DiscordGatewayLog.ReconnectRequested(logger);
                        await CloseForResumeAsync(socket);
                        return new SessionEnd(false, TimeSpan.Zero);
                    case OpInvalidSession:
                        var resumable = payload.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                        DiscordGatewayLog.SessionInvalidated(logger, resumable);
                        if (!resumable)
                        {
                            ForgetSession();
                        }

                        await CloseForResumeAsync(socket);
                        return new SessionEnd(false, TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble())));
                    default:
                        break;
                }
            }
        }
        finally
        {
            await session.CancelAsync();
            try
            {
                await heartbeats;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The heartbeat loop ends with its session.
            }

            if (stoppingToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", closing.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DispatchAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var sequence = payload.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : -1;
        if (sequence >= 0)
        {
            Interlocked.Exchange(ref _sequence, sequence);
        }

        var type = payload.GetProperty("t").GetString() ?? "";
        var data = payload.TryGetProperty("d", out var d) ? d : default;
        if (type == "READY")
        {
            Volatile.Write(ref _sessionId, data.GetProperty("session_id").GetString());
            _resumeUrl = data.TryGetProperty("resume_gateway_url", out var url) && url.GetString() is { } resumeUrl ? WithQuery(resumeUrl) : gatewayOptions.Value.Url;
            _failures = 0;
            DiscordGatewayLog.Ready(logger, _sessionId!);

            // The handler sees READY too: it carries the bot's own user id, which mentions are matched against.
        }

        if (type == "RESUMED")
        {
            _failures = 0;
            DiscordGatewayLog.Resumed(logger, _sessionId ?? "");
            return;
        }

        try
        {
            await _handler!.HandleAsync(new DiscordDispatch(type, sequence, data), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DiscordGatewayLog.DispatchFailed(logger, e, type, sequence);
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, SemaphoreSlim sendLock, TimeSpan interval, CancellationToken cancellationToken)
    {
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _awaitingAck, 1) == 1)
            {
                // A zombied connection: drop it; the session resumes on a new one.
                DiscordGatewayLog.HeartbeatNotAcknowledged(logger);
                socket.Abort();
                return;
            }

            await SendAsync(socket, sendLock, HeartbeatPayload(), cancellationToken);
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    private SessionEnd Closed(WebSocketCloseStatus? status)
    {
        var code = (int?)status ?? 0;
        if (FatalCloseCodes.Contains(code))
        {
            DiscordGatewayLog.FatalClose(logger, code);
            return new SessionEnd(true, null);
        }

        // 4007 invalid sequence and 4009 session timed out cannot be resumed.
        if (code is 4007 or 4009)
        {
            ForgetSession();
        }

        DiscordGatewayLog.ConnectionLost(logger, $"closed with {code}", Backoff(_failures + 1));
        return new SessionEnd(false, null);
    }

    private void ForgetSession()
    {
        Volatile.Write(ref _sessionId, null);
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - 1, 10)));
        var capped = exponential < gatewayOptions.Value.MaxReconnectDelay ? exponential : gatewayOptions.Value.MaxReconnectDelay;
        return capped * (0.5 + (0.5 * Random.Shared.NextDouble()));
    }

    private JsonObject IdentifyPayload() => new()
    {
        ["op"] = OpIdentify,
        ["d"] = new JsonObject
        {
            ["token"] = apiOptions.Value.BotToken,
            ["intents"] = gatewayOptions.Value.Intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "ChatCouncil", ["device"] = "ChatCouncil" },
        },
    };

    private JsonObject ResumePayload() => new()
    {
        ["op"] = OpResume,
        ["d"] = new JsonObject { ["token"] = apiOptions.Value.BotToken, ["session_id"] = _sessionId, ["seq"] = Sequence() },
    };

    private JsonObject HeartbeatPayload() => new() { ["op"] = OpHeartbeat, ["d"] = Sequence() };

    private long? Sequence() => Interlocked.Read(ref _sequence) is var s && s >= 0 ? s : null;

    private Uri WithQuery(string resumeUrl) =>
        new(resumeUrl.TrimEnd('/') + "/" + gatewayOptions.Value.Url.Query);

    private static int Op(JsonElement payload) => payload.GetProperty("op").GetInt32();

    private static async Task CloseForResumeAsync(ClientWebSocket socket)
    {
        // Any code but 1000/1001 keeps the session resumable.
        using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", closing.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendLock, JsonObject payload, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static Task<JsonElement?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken) =>
        JsonWebSocketReader.ReceiveAsync(socket, "Discord Gateway", cancellationToken);

    private readonly record struct SessionEnd(bool Fatal, TimeSpan? Delay);
}
