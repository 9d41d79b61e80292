using System.Net.WebSockets;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Slack Socket Mode: opens a WebSocket URL with apps.connections.open, hands every envelope to the
/// <see cref="ISlackEnvelopeHandler"/> and acknowledges it (<c>{"envelope_id":…}</c>) once handled; a "disconnect"
/// message (refresh_requested, warning) or a dropped connection opens a new URL, failures back off exponentially with
/// jitter; "link_disabled" or a refused app token stops it. A host runs <see cref="RunAsync"/> once, from a hosted worker.
/// </summary>
public sealed class SlackSocketModeClient(
    SlackWebApiClient api,
    IOptions<SlackSocketModeOptions> options,
    IEnumerable<ISlackEnvelopeHandler> handlers,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger)
{
    private readonly ISlackEnvelopeHandler? _handler = handlers.LastOrDefault();
    private int _failures;

    /// <summary>Stays connected until <paramref name="stoppingToken"/> fires or Slack disables the link; returns at once when disabled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (_handler is null)
        {
            throw new InvalidOperationException("Connectors:Slack:SocketMode:Enabled is true but no ISlackEnvelopeHandler is registered to receive events.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? delay;
            try
            {
                var url = await api.OpenSocketModeConnectionAsync(options.Value.AppToken!, stoppingToken);
                var end = await RunConnectionAsync(url, stoppingToken);
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
            catch (ChatPlatformException e) when (!e.IsTransient)
            {
                SlackSocketModeLog.Stopped(logger, e.Message);
                return;
            }
            catch (Exception e) when (e is ChatPlatformException or WebSocketException or IOException or JsonException or OperationCanceledException)
            {
                delay = null;
                SlackSocketModeLog.ConnectionLost(logger, e.GetType().Name, Backoff(_failures + 1));
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

    private async Task<(bool Fatal, TimeSpan? Delay)> RunConnectionAsync(Uri url, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, stoppingToken);
        try
        {
            while (true)
            {
                if (await ReceiveAsync(socket, stoppingToken) is not { } message)
                {
                    SlackSocketModeLog.ConnectionLost(logger, $"closed with {(int?)socket.CloseStatus}", Backoff(_failures + 1));
                    return (false, null);
                }

                var type = message.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "hello")
                {
                    _failures = 0;
                    SlackSocketModeLog.Connected(logger);
                }
                else if (type == "disconnect")
                {
                    var reason = message.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
                    if (reason == "link_disabled")
                    {
                        SlackSocketModeLog.Stopped(logger, "Socket Mode was disabled for this app (link_disabled)");
                        return (true, null);
                    }

                    SlackSocketModeLog.DisconnectRequested(logger, reason);
                    return (false, TimeSpan.Zero);
                }
                else if (message.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelopeId)
                {
                    await HandleAsync(socket, message, envelopeId, type ?? "", stoppingToken);
                }
            }
        }
        finally
        {
            if (socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", closing.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task HandleAsync(ClientWebSocket socket, JsonElement message, string envelopeId, string type, CancellationToken cancellationToken)
    {
        var envelope = new SlackEnvelope(
            envelopeId,
            type,
            message.TryGetProperty("payload", out var payload) ? payload : default,
            message.TryGetProperty("retry_attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number ? attempt.GetInt32() : 0,
            message.TryGetProperty("retry_reason", out var reason) && reason.GetString() is { Length: > 0 } why ? why : null);
        try
        {
            await _handler!.HandleAsync(envelope, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SlackSocketModeLog.EnvelopeFailed(logger, e, envelopeId, type);
            return;
        }

        var ack = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["envelope_id"] = envelopeId });
        await socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - 1, 10)));
        var capped = exponential < options.Value.MaxReconnectDelay ? exponential : options.Value.MaxReconnectDelay;
        return capped * (0.5 + (0.5 * Random.Shared.NextDouble()));
    }

    private static Task<JsonElement?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken) =>
        JsonWebSocketReader.ReceiveAsync(socket, "Slack Socket Mode", cancellationToken);
}
