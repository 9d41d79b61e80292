using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Logging;
using ChatCouncil.BotHost.Models;
using ChatCouncil.Inference.Registry;

namespace ChatCouncil.BotHost.Chat;

/// <summary>
/// One browser's conversation over a WebSocket. The receive loop keeps reading while an answer
/// streams, so a <c>cancel</c> frame stops it; sends are serialized because a WebSocket allows one
/// writer at a time.
/// </summary>
internal sealed partial class ChatSocketSession(
    WebSocket socket, HttpContext http, ChatTurnService turns, IChatHistoryStore history, ModelRegistry registry, ILogger<ChatSocketSession> logger) : IDisposable
{
    public const int MaxFrameBytes = 64 * 1024;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private CancellationTokenSource? _turn;
    private Task _running = Task.CompletedTask;

    public async Task RunAsync(CancellationToken aborted)
    {
        var conversation = await history.CreateConversationAsync("Web chat", "web", aborted);
        var requestId = http.Response.Headers[RequestIds.HeaderName].ToString();
        await SendAsync(ChatSocketFrames.Ready(conversation.Id, requestId, registry.DefaultFor(ModelRoles.Chat)), aborted);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxFrameBytes);
        try
        {
            while (socket.State == WebSocketState.Open && !aborted.IsCancellationRequested)
            {
                var (length, kind) = await ReceiveAsync(buffer, aborted);
                if (kind == WebSocketMessageType.Close)
                {
                    break;
                }

                if (length < 0)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"frames are limited to {MaxFrameBytes} bytes", aborted);
                    break;
                }

                await HandleAsync(conversation.Id, buffer.AsMemory(0, length), aborted);
            }
        }
        catch (WebSocketException) when (aborted.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
            // The browser went away.
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
        finally
        {
            if (_turn is not null)
            {
                await _turn.CancelAsync();
            }

            await _running;
            ArrayPool<byte>.Shared.Return(buffer);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
    }

    private async Task HandleAsync(Guid conversationId, ReadOnlyMemory<byte> payload, CancellationToken aborted)
    {
        ClientFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize<ClientFrame>(payload.Span, ChatSocketFrames.Json);
        }
        catch (JsonException ex)
        {
            await SendAsync(ChatSocketFrames.Error(400, $"The frame is not valid JSON: {ex.Message}"), aborted);
            return;
        }

        switch (frame?.Type)
        {
            case "cancel":
                if (_turn is not null)
                {
                    await _turn.CancelAsync();
                }

                break;
            case "message" when string.IsNullOrWhiteSpace(frame.Text):
                await SendAsync(ChatSocketFrames.Error(400, "A message needs text."), aborted);
                break;
            case "message" when !_running.IsCompleted:
                await SendAsync(ChatSocketFrames.Error(409, "An answer is still streaming; send {\"type\":\"cancel\"} first."), aborted);
                break;
            case "message":
                var parameters = frame.Options ?? new GenerationParameters();
                if (parameters.Validate() is { } invalid)
                {
                    await SendAsync(ChatSocketFrames.Error(400, invalid), aborted);
                    break;
                }

                _turn?.Dispose();
                _turn = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                _running = StreamTurnAsync(conversationId, frame.Text!, parameters, frame.Model, _turn.Token);
                break;
            default:
                await SendAsync(ChatSocketFrames.Error(400, $"Unknown frame type '{frame?.Type}'; expected message or cancel."), aborted);
                break;
        }
    }

    private async Task StreamTurnAsync(Guid conversationId, string text, GenerationParameters parameters, string? model, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in turns.RunAsync(conversationId, text, parameters, model, cancellationToken))
            {
                object frame = item switch
                {
                    ChatTurnToken token => ChatSocketFrames.Token(token.Text),
                    ChatTurnCompleted done => ChatSocketFrames.Done(done),
                    _ => throw new InvalidOperationException("Unknown chat turn event."),
                };
                await SendAsync(frame, CancellationToken.None);
            }
        }
        catch (Exception ex) when (InferenceProblems.TryMap(ex, out var status, out _))
        {
            await SendAsync(ChatSocketFrames.Error(status, ex.Message), CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled before the first token: nothing was said.
        }
        catch (WebSocketException)
        {
            // The browser left mid-answer; the turn is already stored.
        }
#pragma warning disable CA1031 // A failed turn must reach the browser as an error frame, not kill the socket silently.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, ex);
            await SendAsync(ChatSocketFrames.Error(500, "The answer failed; see the server log."), CancellationToken.None);
        }
    }

    private async Task<(int Length, WebSocketMessageType Kind)> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                // Drain the oversized frame, then report it.
                var result = await socket.ReceiveAsync(buffer.AsMemory(0, Math.Min(4096, buffer.Length)), cancellationToken);
                if (result.EndOfMessage)
                {
                    return (-1, result.MessageType);
                }

                continue;
            }

            var received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            length += received.Count;
            if (received.MessageType == WebSocketMessageType.Close || received.EndOfMessage)
            {
                return (received.MessageType == WebSocketMessageType.Close ? 0 : length, received.MessageType);
            }
        }
    }

    private async Task SendAsync(object frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, ChatSocketFrames.Json);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _turn?.Dispose();
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "A web chat turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);

    /// <summary>Creates sessions with their services from DI.</summary>
    internal sealed class Factory(ChatTurnService turns, IChatHistoryStore history, ModelRegistry registry, ILogger<ChatSocketSession> logger)
    {
        public ChatSocketSession Create(WebSocket socket, HttpContext http) => new(socket, http, turns, history, registry, logger);
    }
}
