using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// Discord's REST API under /api/v10/: channel messages (Bot token), interaction webhooks (edit @original, follow-ups;
/// tokens in <see cref="ExpiredTokens"/> answer 401 code 50027 as Discord does after 15 minutes), reactions, and
/// rate limits as 429 with JSON <c>retry_after</c> plus X-RateLimit-* headers. Content over 2000 characters is a 400.
/// A repeated <c>nonce</c> with <c>enforce_nonce</c> answers the first message again, as Discord does. An interaction's
/// @original is one message: the first PATCH shows it (in <see cref="Messages"/>), later ones edit it (in <see cref="Edits"/>).
/// Editing a channel message the fake never created is 404 Unknown Message.
/// Bulk overwrites of application commands (global or per guild) are checked against Discord's naming and length
/// rules (a 400 code 50035 otherwise) and kept in <see cref="CommandRegistrations"/>.
/// </summary>
public sealed class FakeDiscordApi : FakePlatformServer
{
    public const string BotToken = "fake-discord-bot-token.abc.xyz";

    public const string ApplicationId = "900000000000000001";

    private readonly ConcurrentDictionary<string, string> _nonces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _channelMessages = new(StringComparer.Ordinal);
    private long _nextId = 1_100_000_000_000_000_000;

    private FakeDiscordApi()
    {
    }

    public ConcurrentQueue<DiscordPostedMessage> Messages { get; } = new();

    /// <summary>Reactions added: "channel/message/emoji".</summary>
    public ConcurrentQueue<string> Reactions { get; } = new();

    public ConcurrentDictionary<string, byte> ExpiredTokens { get; } = new();

    public ConcurrentQueue<DiscordCommandRegistration> CommandRegistrations { get; } = new();

    public Uri ApiUrl => new(BaseUrl, "api/v10/");

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var server = new FakeDiscordApi();
        await server.StartCoreAsync();
        return server;
    }

    public override void RateLimitNext(int count, TimeSpan retryAfter) =>
        ScriptNext(count, http =>
        {
            var seconds = retryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers["X-RateLimit-Limit"] = "5";
            http.Response.Headers["X-RateLimit-Remaining"] = "0";
            http.Response.Headers["X-RateLimit-Reset-After"] = seconds;
            http.Response.Headers["X-RateLimit-Bucket"] = "abcd1234";
            http.Response.Headers["X-RateLimit-Scope"] = "user";
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return http.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = retryAfter.TotalSeconds, global = false });
        });

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v10/channels/{channelId}/messages", (HttpContext http, string channelId) =>
            http.Request.Headers.Authorization != "Bot " + BotToken
                ? Error(http, 401, 0, "401: Unauthorized")
                : Post(http, channelId, "channel"));
        routes.MapPut("/api/v10/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me", (HttpContext http, string channelId, string messageId, string emoji) =>
        {
            if (http.Request.Headers.Authorization != "Bot " + BotToken)
            {
                return Error(http, 401, 0, "401: Unauthorized");
            }

            Reactions.Enqueue($"{channelId}/{messageId}/{emoji}");
            http.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        routes.MapMethods("/api/v10/channels/{channelId}/messages/{messageId}", ["PATCH"], (HttpContext http, string channelId, string messageId) =>
            http.Request.Headers.Authorization != "Bot " + BotToken
                ? Error(http, 401, 0, "401: Unauthorized")
                : Edit(http, channelId, messageId));
        routes.MapPut("/api/v10/applications/{applicationId}/commands", (HttpContext http, string applicationId) =>
            OverwriteCommands(http, applicationId, guildId: null));
        routes.MapPut("/api/v10/applications/{applicationId}/guilds/{guildId}/commands", (HttpContext http, string applicationId, string guildId) =>
            OverwriteCommands(http, applicationId, guildId));
        routes.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], (HttpContext http, string applicationId, string token) =>
            _originals.TryGetValue(token, out var original) && applicationId == ApplicationId && !ExpiredTokens.ContainsKey(token)
                ? Edit(http, "interaction-channel", original)
                : Webhook(http, applicationId, token, "original"));
        routes.MapPost("/api/v10/webhooks/{applicationId}/{token}", (HttpContext http, string applicationId, string token) =>
            Webhook(http, applicationId, token, "followup"));
    }

    private Task Webhook(HttpContext http, string applicationId, string token, string via) =>
        applicationId != ApplicationId ? Error(http, 404, 10015, "Unknown Webhook")
        : ExpiredTokens.ContainsKey(token) ? Error(http, 401, 50027, "Invalid Webhook Token")
        : Post(http, "interaction-channel", via);

    private async Task Post(HttpContext http, string channelId, string via)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
        var content = body.TryGetProperty("content", out var c) ? c.GetString() : null;
        if (content is { Length: > 2000 })
        {
            await Error(http, 400, 50035, "Invalid Form Body");
            return;
        }

        var nonce = body.TryGetProperty("nonce", out var n) ? n.GetString() : null;
        if (nonce is { Length: > 25 })
        {
            await Error(http, 400, 50035, "Invalid Form Body");
            return;
        }

        if (nonce is not null && body.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True
            && _nonces.TryGetValue(nonce, out var existing))
        {
            await http.Response.WriteAsJsonAsync(new { id = existing, channel_id = channelId, content, nonce });
            return;
        }

        var replyTo = body.TryGetProperty("message_reference", out var reference) ? reference.GetProperty("message_id").GetString() : null;
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        if (nonce is not null)
        {
            _nonces[nonce] = id;
        }

        if (via == "original")
        {
            _originals[http.GetRouteValue("token")!.ToString()!] = id;
        }
        else if (via == "channel")
        {
            _channelMessages[id] = channelId;
        }

        Messages.Enqueue(new DiscordPostedMessage(id, channelId, via, content, replyTo, body.TryGetProperty("components", out var components) ? components.Clone() : null));
        await http.Response.WriteAsJsonAsync(new { id, channel_id = channelId, content, type = replyTo is null ? 0 : 19 });
    }

    /// <summary>Edits of channel messages and of @original after it was first shown: "message id: content", in order.</summary>
    public ConcurrentQueue<string> Edits { get; } = new();

    /// <summary>The same edits with their components (an empty array removes a message's buttons).</summary>
    public ConcurrentQueue<DiscordPostedMessage> EditedMessages { get; } = new();

    private async Task Edit(HttpContext http, string channelId, string messageId)
    {
        if (channelId != "interaction-channel" && (!_channelMessages.TryGetValue(messageId, out var channel) || channel != channelId))
        {
            await Error(http, 404, 10008, "Unknown Message");
            return;
        }

        var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
        var content = body.TryGetProperty("content", out var c) ? c.GetString() : null;
        Edits.Enqueue($"{messageId}: {content}");
        EditedMessages.Enqueue(new DiscordPostedMessage(messageId, channelId, "edit", content, null, body.TryGetProperty("components", out var components) ? components.Clone() : null));
        await http.Response.WriteAsJsonAsync(new { id = messageId, channel_id = channelId, content });
    }

    private async Task OverwriteCommands(HttpContext http, string applicationId, string? guildId)
    {
        if (http.Request.Headers.Authorization != "Bot " + BotToken)
        {
            await Error(http, 401, 0, "401: Unauthorized");
            return;
        }

        if (applicationId != ApplicationId)
        {
            await Error(http, 403, 50001, "Missing Access");
            return;
        }

        var commands = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
        if (commands.ValueKind != JsonValueKind.Array || commands.GetArrayLength() > 100 || !commands.EnumerateArray().All(IsValidCommand))
        {
            await Error(http, 400, 50035, "Invalid Form Body");
            return;
        }

        CommandRegistrations.Enqueue(new DiscordCommandRegistration(applicationId, guildId, commands.Clone()));
        var registered = commands.EnumerateArray().Select(command => new Dictionary<string, object?>
        {
            ["id"] = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            ["application_id"] = applicationId,
            ["guild_id"] = guildId,
            ["version"] = "1",
            ["name"] = command.GetProperty("name").GetString(),
            ["description"] = command.GetProperty("description").GetString(),
            ["type"] = command.TryGetProperty("type", out var type) ? type.GetInt32() : 1,
            ["options"] = command.TryGetProperty("options", out var options) ? options.Clone() : null,
        });
        await http.Response.WriteAsJsonAsync(registered);
    }

    // Discord's rules for CHAT_INPUT commands and their options: lower-case names of 1-32 characters, descriptions of 1-100.
    private static bool IsValidCommand(JsonElement command) =>
        command.ValueKind == JsonValueKind.Object
        && command.TryGetProperty("name", out var name) && name.GetString() is { } text
        && System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-_\p{Ll}\p{N}]{1,32}$")
        && command.TryGetProperty("description", out var description) && description.GetString() is { Length: >= 1 and <= 100 }
        && (!command.TryGetProperty("options", out var options)
            || (options.ValueKind == JsonValueKind.Array && options.GetArrayLength() <= 25 && options.EnumerateArray().All(IsValidCommand)));

    private static Task Error(HttpContext http, int status, int code, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { message, code });
    }
}
