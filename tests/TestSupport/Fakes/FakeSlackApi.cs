using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// Slack's Web API under /api/: chat.postMessage (with <c>metadata</c>), chat.update of a message it holds,
/// conversations.replies and conversations.history (GET, query arguments; <c>oldest</c> and
/// <c>include_all_metadata</c> applied; the bot's own messages only), reactions.add, with Slack's answers
/// (HTTP 200 <c>{"ok":false,"error":…}</c> for errors, 429 with Retry-After for rate limits). Message ts are the
/// seconds of <see cref="FakePlatformServer.Clock"/> and a counter, so <c>oldest</c> compares as Slack's does.
/// </summary>
public sealed class FakeSlackApi : FakePlatformServer
{
    public const string BotToken = "xoxb-fake-bot-token-0123456789";

    /// <summary>The app-level token Socket Mode connections are opened with.</summary>
    public const string AppToken = "xapp-1-fake-app-level-token-42";

    /// <summary>A channel id the fake answers <c>channel_not_found</c> for.</summary>
    public const string MissingChannel = "C0MISSING";

    private readonly ConcurrentDictionary<string, byte> _reactions = new();
    private readonly ConcurrentDictionary<string, SlackPostedMessage> _current = new(StringComparer.Ordinal);
    private long _nextTs;
    private int _nextEnvelope;

    private FakeSlackApi()
    {
    }

    /// <summary>Messages posted with success, in order.</summary>
    public ConcurrentQueue<SlackPostedMessage> Messages { get; } = new();

    /// <summary>Successful chat.update calls, in order.</summary>
    public ConcurrentQueue<SlackPostedMessage> Updates { get; } = new();

    /// <summary>Each message by ts as it reads now (its latest text).</summary>
    public IReadOnlyDictionary<string, SlackPostedMessage> Current => _current;

    /// <summary>Reactions added: "channel/timestamp/name".</summary>
    public IReadOnlyCollection<string> Reactions => [.. _reactions.Keys];

    /// <summary>Socket Mode connections, in the order they were opened.</summary>
    public ConcurrentQueue<FakeWebSocketConnection> Sockets { get; } = new();

    public FakeWebSocketConnection CurrentSocket => Sockets.Last();

    /// <summary>Messages posted to response URLs (/commands/{id}): "id: text".</summary>
    public ConcurrentQueue<string> Responses { get; } = new();

    /// <summary>Response URL ids that answer 404 expired_url.</summary>
    public ConcurrentDictionary<string, byte> ExpiredResponseUrls { get; } = new();

    public Uri ResponseUrl(string id) => new(BaseUrl, $"commands/{id}");

    /// <summary>When set, apps.connections.open answers this Slack error instead of a URL.</summary>
    public string? OpenConnectionError { get; set; }

    /// <summary>Where the Web API lives: a client's ApiBaseUrl.</summary>
    public Uri ApiUrl => new(BaseUrl, "api/");

    public static async Task<FakeSlackApi> StartAsync()
    {
        var server = new FakeSlackApi();
        await server.StartCoreAsync();
        return server;
    }

    public override void RateLimitNext(int count, TimeSpan retryAfter) =>
        ScriptNext(count, http =>
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

    /// <summary>Sends an envelope on the current Socket Mode connection; returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, object payload, int retryAttempt = 0)
    {
        var id = $"env-{Interlocked.Increment(ref _nextEnvelope)}";
        await CurrentSocket.SendAsync(new { envelope_id = id, type, payload, accepts_response_payload = false, retry_attempt = retryAttempt, retry_reason = retryAttempt > 0 ? "timeout" : "" });
        return id;
    }

    public Task SendDisconnectAsync(string reason) =>
        CurrentSocket.SendAsync(new { type = "disconnect", reason, debug_info = new { host = "fake" } });

    protected override void ConfigurePipeline(WebApplication app) => app.UseWebSockets();

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/apps.connections.open", (HttpContext http) =>
            http.Request.Headers.Authorization != "Bearer " + AppToken ? Results.Json(new { ok = false, error = "invalid_auth" })
            : OpenConnectionError is { } error ? Results.Json(new { ok = false, error })
            : Results.Json(new { ok = true, url = new Uri(BaseUrl.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal) + $"socket?ticket={Guid.NewGuid():N}") }));
        routes.Map("/socket", SocketAsync);
        routes.MapPost("/commands/{id}", async (HttpContext http, string id) =>
        {
            if (ExpiredResponseUrls.ContainsKey(id))
            {
                http.Response.StatusCode = 404;
                await http.Response.WriteAsJsonAsync(new { ok = false, error = "expired_url" });
                return;
            }

            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            Responses.Enqueue($"{id}: {Str(body, "text")}");
            await http.Response.WriteAsJsonAsync(new { ok = true });
        });
        routes.MapPost("/api/chat.postMessage", (HttpContext http) => Handle(http, body =>
        {
            var message = Read(body, NextTs());
            Messages.Enqueue(message);
            _current[message.Ts] = message;
            return new { ok = true, channel = message.Channel, ts = message.Ts, message = new { text = message.Text, thread_ts = message.ThreadTs } };
        }));
        routes.MapPost("/api/chat.update", (HttpContext http) => Handle(http, body =>
        {
            var ts = Str(body, "ts") ?? "";
            if (!_current.TryGetValue(ts, out var old) || old.Channel != Str(body, "channel"))
            {
                return new { ok = false, error = "message_not_found" };
            }

            var message = Read(body, ts) with { ThreadTs = old.ThreadTs, Metadata = Has(body, "metadata") ? body.GetProperty("metadata").Clone() : old.Metadata };
            Updates.Enqueue(message);
            _current[ts] = message;
            return (object)new { ok = true, channel = message.Channel, ts = message.Ts, text = message.Text };
        }));
        routes.MapGet("/api/conversations.replies", (HttpContext http) => History(http, thread: true));
        routes.MapGet("/api/conversations.history", (HttpContext http) => History(http, thread: false));
        routes.MapPost("/api/reactions.add", (HttpContext http) => Handle(http, body =>
        {
            var key = $"{Str(body, "channel")}/{Str(body, "timestamp")}/{Str(body, "name")}";
            return _reactions.TryAdd(key, 0) ? new { ok = true } : (object)new { ok = false, error = "already_reacted" };
        }));
    }

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeWebSocketConnection(socket, http.Request.Path + http.Request.QueryString);
        Sockets.Enqueue(connection);
        await connection.SendAsync(new { type = "hello", num_connections = Sockets.Count, connection_info = new { app_id = "A1" } });
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == System.Net.WebSockets.WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, http.RequestAborted);
                if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    break;
                }

                connection.Received.Enqueue(JsonSerializer.Deserialize<JsonElement>(buffer.AsSpan(0, result.Count)));
            }
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }

    /// <summary>The bot's messages of a thread (replies: <c>ts</c> = the parent) or of the channel's top level (history).</summary>
    private IResult History(HttpContext http, bool thread)
    {
        var query = http.Request.Query;
        if (http.Request.Headers.Authorization != "Bearer " + BotToken)
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        var channel = query["channel"].ToString();
        var parent = query["ts"].ToString();
        if (channel.Length == 0 || channel == MissingChannel)
        {
            return Results.Json(new { ok = false, error = "channel_not_found" });
        }

        if (thread && parent.Length == 0)
        {
            return Results.Json(new { ok = false, error = "invalid_arguments" });
        }

        var oldest = decimal.TryParse(query["oldest"], NumberStyles.Number, CultureInfo.InvariantCulture, out var o) ? o : 0m;
        var withMetadata = query["include_all_metadata"] == "true";
        var messages = _current.Values
            .Where(m => m.Channel == channel && (thread ? m.ThreadTs == parent : m.ThreadTs is null))
            .Where(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture) > oldest)
            .OrderBy(m => m.Ts, StringComparer.Ordinal)
            .Select(m => new Dictionary<string, object?>
            {
                ["type"] = "message",
                ["bot_id"] = "BFAKE",
                ["text"] = m.Text,
                ["ts"] = m.Ts,
                ["thread_ts"] = m.ThreadTs,
                ["metadata"] = withMetadata ? m.Metadata : null,
            });
        return Results.Json(new { ok = true, messages, has_more = false });
    }

    private static async Task Handle(HttpContext http, Func<JsonElement, object> answer) =>
        await (await AnswerAsync(http, answer)).ExecuteAsync(http);

    private static async Task<IResult> AnswerAsync(HttpContext http, Func<JsonElement, object> answer)
    {
        if (http.Request.Headers.Authorization != "Bearer " + BotToken)
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
        }
        catch (JsonException)
        {
            return Results.Json(new { ok = false, error = "invalid_json" });
        }

        return Str(body, "channel") is null or MissingChannel
            ? Results.Json(new { ok = false, error = "channel_not_found" })
            : Results.Json(answer(body));
    }

    private string NextTs() => $"{Clock.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _nextTs):D6}";

    private static SlackPostedMessage Read(JsonElement body, string ts) =>
        new(Str(body, "channel")!, ts, Str(body, "thread_ts"), Str(body, "text"),
            body.TryGetProperty("blocks", out var blocks) ? blocks.Clone() : null,
            Has(body, "metadata") ? body.GetProperty("metadata").Clone() : null);

    private static bool Has(JsonElement body, string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object;

    private static string? Str(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
