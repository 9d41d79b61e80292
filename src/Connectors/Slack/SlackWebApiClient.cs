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

    /// <summary>chat.postMessage; returns the new message's <c>ts</c>.</summary>
    public async Task<string> PostMessageAsync(string channel, string text, string? threadTs, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
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

    private async Task<JsonElement> CallAsync(string method, JsonObject body, CancellationToken cancellationToken, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
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
