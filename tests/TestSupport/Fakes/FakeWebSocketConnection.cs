using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>One client connection to a fake WebSocket server (Discord Gateway, Slack Socket Mode): what it sent, and a way to send to it.</summary>
public sealed class FakeWebSocketConnection(WebSocket socket, string pathAndQuery) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public string PathAndQuery { get; } = pathAndQuery;

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public IEnumerable<JsonElement> ReceivedOp(int op) => Received.Where(p => p.GetProperty("op").GetInt32() == op);

    public bool IsOpen => socket.State == WebSocketState.Open;

    public async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public async Task CloseAsync(int code)
    {
        await _send.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake gateway", CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public void Dispose() => _send.Dispose();
}
