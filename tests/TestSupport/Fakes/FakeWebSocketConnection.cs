using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>One client connection to a fake WebSocket server (Discord Gateway, Slack Socket Mode): what it sent, and a way to send to it.</summary>
public sealed class FakeWebSocketConnection(WebSocket socket, string pathAndQuery)
{
    // Sends are chained rather than locked: a test may still be sending when the client hangs up and the server's
    // loop ends, and nothing here must be disposed under it.
    private readonly Lock _lock = new();
    private Task _last = Task.CompletedTask;

    public string PathAndQuery { get; } = pathAndQuery;

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public IEnumerable<JsonElement> ReceivedOp(int op) => Received.Where(p => p.GetProperty("op").GetInt32() == op);

    public bool IsOpen => socket.State == WebSocketState.Open;

    public Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        return Enqueue(() => socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None));
    }

    public Task CloseAsync(int code) =>
        Enqueue(() => socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake server", CancellationToken.None));

    private Task Enqueue(Func<Task> send)
    {
        lock (_lock)
        {
            _last = _last.ContinueWith(_ => send(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return _last;
        }
    }
}
