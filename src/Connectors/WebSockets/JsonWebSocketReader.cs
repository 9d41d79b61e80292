using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace ChatCouncil.Connectors.WebSockets;

/// <summary>Reads whole JSON messages from the platforms' WebSocket connections (Slack Socket Mode, Discord Gateway).</summary>
internal static class JsonWebSocketReader
{
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>The next message, or null when the server closed the connection.</summary>
    public static async Task<JsonElement?> ReceiveAsync(ClientWebSocket socket, string connectionName, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
            }

            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException($"A {connectionName} message exceeded 16 MiB.");
            }
        }
    }
}
