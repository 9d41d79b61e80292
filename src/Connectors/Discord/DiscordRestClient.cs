using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Discord REST calls the bot makes: channel messages with the bot token, and interaction webhooks (which
/// authenticate by the token in their path, so those paths never reach logs or exception messages). Every message
/// disables mention parsing, so model output cannot ping @everyone. Thread-safe.
/// </summary>
public sealed class DiscordRestClient(HttpClient http, IOptions<DiscordApiOptions> options, TimeProvider time)
{
    /// <summary>
    /// POST /channels/{id}/messages, optionally as a reply to <paramref name="replyToMessageId"/>; returns the message id.
    /// With a <paramref name="nonce"/> (≤ 25 characters) Discord enforces, for a few minutes, that the bot creates one
    /// message per nonce and answers a repeat with the first message: a POST retried after its answer was lost, or
    /// resent by a restarted process, does not post twice.
    /// </summary>
    public Task<string> CreateMessageAsync(string channelId, string content, string? replyToMessageId, JsonArray? components, string? nonce, CancellationToken cancellationToken)
    {
        var body = Body(content, components);
        if (nonce is not null)
        {
            body["nonce"] = nonce;
            body["enforce_nonce"] = true;
        }

        if (replyToMessageId is not null)
        {
            body["message_reference"] = new JsonObject { ["message_id"] = replyToMessageId, ["fail_if_not_exists"] = false };
        }

        return SendAsync(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channelId)}/messages", body, authenticate: true, "create message", cancellationToken);
    }

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original: turns the deferred "thinking…" answer into the real one.</summary>
    public Task<string> EditOriginalResponseAsync(string applicationId, string interactionToken, string content, JsonArray? components, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"{WebhookPath(applicationId, interactionToken)}/messages/@original", Body(content, components), authenticate: false, "edit interaction response", cancellationToken);

    /// <summary>POST /webhooks/{app}/{token}: a follow-up message to the interaction.</summary>
    public Task<string> CreateFollowupMessageAsync(string applicationId, string interactionToken, string content, JsonArray? components, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, WebhookPath(applicationId, interactionToken), Body(content, components), authenticate: false, "create interaction follow-up", cancellationToken);

    /// <summary>PATCH /channels/{id}/messages/{id}: edits a message the bot posted (a streamed answer).</summary>
    public Task<string> EditMessageAsync(string channelId, string messageId, string content, JsonArray? components, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"channels/{Uri.EscapeDataString(channelId)}/messages/{Uri.EscapeDataString(messageId)}", Body(content, components), authenticate: true, "edit message", cancellationToken);

    /// <summary>PUT /channels/{id}/messages/{id}/reactions/{emoji}/@me.</summary>
    public async Task AddReactionAsync(string channelId, string messageId, string emoji, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"channels/{Uri.EscapeDataString(channelId)}/messages/{Uri.EscapeDataString(messageId)}/reactions/{Uri.EscapeDataString(emoji)}/@me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
        using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.Discord, "add reaction", cancellationToken);
        await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.Discord, "add reaction", time, cancellationToken);
    }

    /// <summary>
    /// PUT /applications/{app}/commands, or /applications/{app}/guilds/{guild}/commands with a <paramref name="guildId"/>:
    /// replaces every command of the application (there) with <paramref name="commands"/>; commands that did not change
    /// keep their ids and do not count against Discord's daily creation limit. Returns how many commands Discord now has.
    /// </summary>
    public async Task<int> OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        const string operation = "overwrite application commands";
        var path = $"applications/{Uri.EscapeDataString(applicationId)}"
            + (guildId is null ? "" : $"/guilds/{Uri.EscapeDataString(guildId)}") + "/commands";
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent(commands.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
        using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.Discord, operation, cancellationToken);
        await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.Discord, operation, time, cancellationToken);
        var registered = await PlatformCall.ReadJsonAsync(response, ChatPlatform.Discord, operation, cancellationToken);
        return registered.ValueKind == JsonValueKind.Array
            ? registered.GetArrayLength()
            : throw new ChatPlatformException(ChatPlatform.Discord, $"Discord {operation} answered without the list of commands.", isTransient: false);
    }

    /// <summary>A 25-character nonce that is the same for the same reply piece in any process.</summary>
    public static string Nonce(string idempotencyKey, int piece) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}#{piece}")))[..25];

    private static string WebhookPath(string applicationId, string interactionToken) =>
        $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}";

    private static JsonObject Body(string content, JsonArray? components)
    {
        var body = new JsonObject { ["content"] = content, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        if (components is not null)
        {
            body["components"] = components;
        }

        return body;
    }

    private async Task<string> SendAsync(HttpMethod method, string path, JsonObject body, bool authenticate, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
        }

        using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.Discord, operation, cancellationToken);
        await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.Discord, operation, time, cancellationToken);
        var message = await PlatformCall.ReadJsonAsync(response, ChatPlatform.Discord, operation, cancellationToken);
        return message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var id) && id.GetString() is { } value
            ? value
            : throw new ChatPlatformException(ChatPlatform.Discord, $"Discord {operation} answered without a message id.", isTransient: false);
    }
}
