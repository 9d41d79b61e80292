using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Tests.WebChat;

/// <summary>
/// Serves the real web chat page (src/BotHost/wwwroot) next to a scripted <c>/ws/chat</c> that
/// speaks the chat protocol deterministically, so the page can be tested against the protocol
/// without a model. Listens on 127.0.0.1 with a free port.
/// </summary>
/// <remarks>
/// Script: a message streams "Hello" and ",", then (when <see cref="HoldStream"/> is set) waits for
/// <see cref="ReleaseStream"/>, then " world", "!", " &lt;b&gt;not html&lt;/b&gt;" and done (7 prompt + 5
/// completion tokens, 42 ms). The message "long" streams "Thinking" and waits for a cancel frame.
/// A wrong key is accepted and closed with 1008. <c>/models</c> answers any key, so a wrong key is
/// only caught by the WebSocket path under test.
/// </remarks>
internal sealed class FakeChatServer : IAsyncDisposable
{
    public const string GoodKey = "cc_test.good-key_1";
    public const string Protocol = "chatcouncil.v1";

    private const string ModelsJson = """
        {
          "defaults": { "chat": "tiny", "embedding": "embed" },
          "models": [
            { "id": "other", "roles": ["chat"] },
            { "id": "tiny", "roles": ["chat", "embedding"] },
            { "id": "embed", "roles": ["embedding"] }
          ]
        }
        """;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<WebSocket, byte> _sockets = new();
    private readonly SemaphoreSlim _release = new(0);
    private int _connections;

    private FakeChatServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.Single() + "/");

    public int Connections => Volatile.Read(ref _connections);

    public bool HoldStream { get; set; }

    public ConcurrentQueue<JsonElement> ReceivedFrames { get; } = new();

    public ConcurrentQueue<string[]> RequestedProtocols { get; } = new();

    public void ReleaseStream() => _release.Release();

    /// <summary>Aborts every open socket, as a crashed or restarted server would.</summary>
    public void DropConnections()
    {
        foreach (var socket in _sockets.Keys)
        {
            socket.Abort();
        }
    }

    public static async Task<FakeChatServer> StartAsync(string webRoot)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = webRoot, WebRootPath = webRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/models", (HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? Results.Text(ModelsJson, "application/json")
            : Results.Unauthorized());
        app.Map("/ws/chat", server.ChatAsync);
        await app.StartAsync();
        return server;
    }

    private async Task ChatAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var protocols = context.WebSockets.WebSocketRequestedProtocols.ToArray();
        RequestedProtocols.Enqueue(protocols);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        var ct = context.RequestAborted;
        if (!protocols.Contains("bearer." + GoodKey))
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "invalid API key", ct);
            return;
        }

        _sockets[socket] = 0;
        try
        {
            var n = Interlocked.Increment(ref _connections);
            await SendAsync(socket, new { type = "ready", conversationId = $"conv-{n}", requestId = $"req-{n}", model = "tiny" }, ct);
            while (await ReceiveAsync(socket, ct) is { } frame)
            {
                if (frame.GetProperty("type").GetString() == "message")
                {
                    await AnswerAsync(socket, frame.GetProperty("text").GetString(), ct);
                }
            }
        }
        catch (WebSocketException)
        {
            // the socket was dropped on purpose or the browser went away
        }
        finally
        {
            _sockets.TryRemove(socket, out _);
        }
    }

    private async Task AnswerAsync(WebSocket socket, string? text, CancellationToken ct)
    {
        if (text == "long")
        {
            await SendAsync(socket, new { type = "token", text = "Thinking" }, ct);
            var next = await ReceiveAsync(socket, ct);
            if (next?.GetProperty("type").GetString() == "cancel")
            {
                await SendAsync(socket, Done("cancelled", 3, 1, 5), ct);
            }

            return;
        }

        foreach (var token in (string[])["Hello", ","])
        {
            await SendAsync(socket, new { type = "token", text = token }, ct);
        }

        if (HoldStream)
        {
            await _release.WaitAsync(ct);
        }

        foreach (var token in (string[])[" world", "!", " <b>not html</b>"])
        {
            await SendAsync(socket, new { type = "token", text = token }, ct);
        }

        await SendAsync(socket, Done("stop", 7, 5, 42), ct);
    }

    private static object Done(string reason, int prompt, int completion, int latencyMs) =>
        new { type = "done", finishReason = reason, usage = new { promptTokens = prompt, completionTokens = completion }, latencyMs };

    private static Task SendAsync(WebSocket socket, object frame, CancellationToken ct) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task<JsonElement?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        var frame = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
        ReceivedFrames.Enqueue(frame);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        DropConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _release.Dispose();
    }
}
