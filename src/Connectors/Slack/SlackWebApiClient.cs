using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Slack Web API calls the bot makes (JSON bodies, bearer bot token). Slack answers errors as HTTP 200 with
/// <c>{"ok":false,"error":…}</c>; those become <see cref="ChatPlatformException"/> with the error as its code.
/// Thread-safe.
/// </summary>
public sealed class SlackWebApiClient(HttpClient http, IOptions<SlackApiOptions> options, TimeProvider time)
{
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    };

    /// <summary>Message metadata <c>event_type</c> that marks the bot's replies with their idempotency key and piece.</summary>
    public const string ReplyEventType = "chatcouncil_reply";

    /// <summary>
    /// chat.postMessage; returns the new message's <c>ts</c>. With a <paramref name="replyKey"/> the message carries
    /// metadata <c>{event_type: "chatcouncil_reply", event_payload: {key, piece}}</c>, found again by <see cref="FindReplyAsync"/>.
    /// </summary>
    public async Task<string> PostMessageAsync(string channel, string text, string? threadTs, JsonArray? blocks, CancellationToken cancellationToken, (string Key, int Piece)? replyKey = null)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (replyKey is var (key, piece))
        {
            body["metadata"] = new JsonObject { ["event_type"] = ReplyEventType, ["event_payload"] = new JsonObject { ["key"] = key, ["piece"] = piece } };
        }

        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        var answer = await CallAsync("chat.postMessage", body, cancellationToken);
        return answer.TryGetProperty("ts", out var ts) && ts.GetString() is { } value
            ? value
            : throw new ChatPlatformException(ChatPlatform.Slack, "Slack chat.postMessage answered without a ts.", isTransient: false);
    }

    /// <summary>chat.update of a message the bot posted (a "thinking…" placeholder, a streamed answer).</summary>
    public async Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        await CallAsync("chat.update", body, cancellationToken);
    }

    /// <summary>
    /// The ts of the bot's message marked with <paramref name="key"/> and <paramref name="piece"/>, posted since
    /// <paramref name="oldest"/>: searched with conversations.replies in a thread, conversations.history in a channel
    /// (first page, metadata included); null when there is none.
    /// </summary>
    public async Task<string?> FindReplyAsync(string channel, string? threadTs, string key, int piece, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string>
        {
            ["channel"] = channel,
            ["oldest"] = (oldest.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
            ["limit"] = "200",
        };
        if (threadTs is not null)
        {
            query["ts"] = threadTs;
        }

        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        var answer = await GetAsync(method, query, cancellationToken);
        if (!answer.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == ReplyEventType
                && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == key
                && payload.TryGetProperty("piece", out var p) && p.ValueKind == JsonValueKind.Number && p.GetInt32() == piece
                && message.TryGetProperty("ts", out var ts) && ts.GetString() is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>reactions.add; a reaction that is already there counts as added.</summary>
    public async Task AddReactionAsync(string channel, string timestamp, string name, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("reactions.add", new JsonObject { ["channel"] = channel, ["timestamp"] = timestamp, ["name"] = name }, cancellationToken);
        }
        catch (ChatPlatformException e) when (e.ErrorCode == "already_reacted")
        {
            // Acknowledging twice (a retried turn) is not an error.
        }
    }

    /// <summary>
    /// Posts to a slash command's or button's <c>response_url</c> (valid 30 minutes, 5 uses; no token needed) as a
    /// visible channel message. Works where the bot is not a channel member.
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var body = new JsonObject { ["response_type"] = "in_channel", ["text"] = text };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.Slack, "response_url", cancellationToken);
        await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.Slack, "response_url", time, cancellationToken);
    }

    /// <summary>apps.connections.open with the app-level token (xapp-…): a fresh Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenSocketModeConnectionAsync(string appToken, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("apps.connections.open", [], cancellationToken, appToken);
        return answer.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new ChatPlatformException(ChatPlatform.Slack, "Slack apps.connections.open answered without a URL.", isTransient: true);
    }

    private Task<JsonElement> CallAsync(string method, JsonObject body, CancellationToken cancellationToken, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return SendAsync(request, method, token, cancellationToken);
    }

    /// <summary>Slack's read methods take their arguments as a query string, not a JSON body.</summary>
    private Task<JsonElement> GetAsync(string method, Dictionary<string, string> query, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, method + "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        return SendAsync(request, method, null, cancellationToken);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage owned, string method, string? token, CancellationToken cancellationToken)
    {
        using var request = owned;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? options.Value.BotToken);
        using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.Slack, method, cancellationToken);
        await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.Slack, method, time, cancellationToken);
        var answer = await PlatformCall.ReadJsonAsync(response, ChatPlatform.Slack, method, cancellationToken);
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return answer;
        }

        var error = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
        throw new ChatPlatformException(ChatPlatform.Slack, $"Slack {method} failed: {error}.", TransientErrors.Contains(error), response.StatusCode, error);
    }
}
