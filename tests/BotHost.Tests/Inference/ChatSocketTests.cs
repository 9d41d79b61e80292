using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Inference;

/// <summary>/ws/chat over a real WebSocket handshake, authenticated by the bearer subprotocol.</summary>
public sealed class ChatSocketTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    private static readonly Uri Endpoint = new("ws://localhost/ws/chat");

    [Fact]
    public async Task Message_StreamsTokensThenDone_AndStoresBothTurns()
    {
        using var socket = await ConnectAsync(Scopes.Chat);
        var ready = await ReceiveAsync(socket);
        Assert.Equal("ready", ready.GetProperty("type").GetString());
        Assert.Equal("tiny", ready.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(ready.GetProperty("requestId").GetString()));
        var conversationId = ready.GetProperty("conversationId").GetGuid();

        await SendAsync(socket, new { type = "message", text = "hello over the socket", options = new { maxTokens = 10 } });
        var tokens = new StringBuilder();
        JsonElement frame;
        while ((frame = await ReceiveAsync(socket)).GetProperty("type").GetString() == "token")
        {
            tokens.Append(frame.GetProperty("text").GetString());
        }

        Assert.Equal("done", frame.GetProperty("type").GetString());
        Assert.Equal("length", frame.GetProperty("finishReason").GetString());
        Assert.Equal(10, frame.GetProperty("usage").GetProperty("completionTokens").GetInt32());

        var stored = await host.Services.GetRequiredService<IChatHistoryStore>().ListMessagesAsync(conversationId);
        Assert.Equal("hello over the socket", stored[0].Content);
        Assert.Equal(tokens.ToString(), stored[1].Content);
    }

    [Fact]
    public async Task Cancel_StopsALongAnswer()
    {
        using var socket = await ConnectAsync(Scopes.Chat);
        await ReceiveAsync(socket);
        await SendAsync(socket, new { type = "message", text = "talk for a long time", options = new { maxTokens = 8000 } });
        Assert.Equal("token", (await ReceiveAsync(socket)).GetProperty("type").GetString());

        await SendAsync(socket, new { type = "cancel" });
        JsonElement frame;
        do
        {
            frame = await ReceiveAsync(socket);
        }
        while (frame.GetProperty("type").GetString() == "token");

        Assert.Equal("done", frame.GetProperty("type").GetString());
        Assert.Equal("cancelled", frame.GetProperty("finishReason").GetString());
        Assert.True(frame.GetProperty("usage").GetProperty("completionTokens").GetInt32() < 8000);
    }

    [Fact]
    public async Task BadFrames_GetErrorFrames_AndTheSocketStaysUsable()
    {
        using var socket = await ConnectAsync(Scopes.Chat);
        await ReceiveAsync(socket);

        await socket.SendAsync(Encoding.UTF8.GetBytes("{not json"), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.Equal(400, (await ReceiveAsync(socket)).GetProperty("status").GetInt32());
        await SendAsync(socket, new { type = "dance" });
        Assert.Contains("Unknown frame type", (await ReceiveAsync(socket)).GetProperty("message").GetString(), StringComparison.Ordinal);
        await SendAsync(socket, new { type = "message", text = "x", model = "gpt-9" });
        Assert.Equal(404, (await ReceiveAsync(socket)).GetProperty("status").GetInt32());

        await SendAsync(socket, new { type = "message", text = "still here?", options = new { maxTokens = 2 } });
        JsonElement frame;
        while ((frame = await ReceiveAsync(socket)).GetProperty("type").GetString() == "token")
        {
        }

        Assert.Equal("done", frame.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Handshake_WithReadOnlyKey_IsRefused()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(Scopes.Read));
        Assert.Contains("403", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_WithoutKey_IsRefused()
    {
        var client = host.Server.CreateWebSocketClient();
        client.SubProtocols.Add(ChatCouncilWebSockets.SubProtocol);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(Endpoint, CancellationToken.None));
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }

    private async Task<WebSocket> ConnectAsync(string scope)
    {
        var key = await host.CreateKeyAsync(scope);
        var client = host.Server.CreateWebSocketClient();
        client.SubProtocols.Add(ChatCouncilWebSockets.SubProtocol);
        client.SubProtocols.Add(ChatCouncilWebSockets.BearerSubProtocolPrefix + key.Key);
        return await client.ConnectAsync(Endpoint, CancellationToken.None);
    }

    private static Task SendAsync(WebSocket socket, object frame) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token) is var r ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage) : null!;
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }
}
