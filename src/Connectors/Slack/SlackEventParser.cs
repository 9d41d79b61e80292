using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Events API bodies (<c>url_verification</c>, <c>event_callback</c> with <c>app_mention</c> or <c>message</c>)
/// to turns. Messages from bots (the bot itself included), edits, joins and other subtypes are ignored so
/// the bot never answers itself. Pure and thread-safe.
/// </summary>
public static class SlackEventParser
{
    /// <param name="body">The verified raw body.</param>
    /// <param name="botUserId">The bot's own user id (<c>U…</c>), when known: its messages are ignored even without <c>bot_id</c>.</param>
    public static InboundEvent Parse(ReadOnlySpan<byte> body, string? botUserId = null)
    {
        return JsonBody.ParseObject(body, root => root.String("type") switch
        {
            "url_verification" when root.String("challenge") is { } challenge => new InboundEvent(InboundOutcome.UrlVerification, Detail: challenge),
            "url_verification" => InboundEvent.Malformed("url_verification without a challenge."),
            "event_callback" => ParseCallback(root, botUserId),
            null => InboundEvent.Malformed("The body has no type."),
            var other => InboundEvent.Ignored($"Slack envelope type '{other}' is not handled."),
        });
    }

    private static InboundEvent ParseCallback(JsonElement root, string? botUserId)
    {
        var eventId = root.String("event_id");
        var team = root.String("team_id");
        if (eventId is null || team is null || root.Object("event") is not { } inner)
        {
            return InboundEvent.Malformed("event_callback needs event_id, team_id and event.");
        }

        var type = inner.String("type");
        var kind = type switch
        {
            "app_mention" => TurnKind.Mention,
            "message" => TurnKind.Message,
            _ => (TurnKind?)null,
        };
        if (kind is null)
        {
            return InboundEvent.Ignored($"Slack event type '{type}' is not handled.");
        }

        if (inner.String("bot_id") is not null || inner.Object("bot_profile") is not null)
        {
            return InboundEvent.Ignored("A bot's message.");
        }

        if (inner.String("subtype") is { } subtype)
        {
            return InboundEvent.Ignored($"Message subtype '{subtype}' is not a new human message.");
        }

        var user = inner.String("user");
        if (user is null)
        {
            return InboundEvent.Ignored("A message without a user.");
        }

        if (botUserId is not null && string.Equals(user, botUserId, StringComparison.Ordinal))
        {
            return InboundEvent.Ignored("The bot's own message.");
        }

        var channel = inner.String("channel");
        var ts = inner.String("ts");
        if (channel is null || ts is null || JsonFields.FromSlackTimestamp(ts) is not { } at)
        {
            return InboundEvent.Malformed("A message needs channel and ts.");
        }

        var thread = inner.String("thread_ts") ?? ts;
        var text = inner.String("text") ?? "";
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["thread_ts"] = thread,
        };
        return InboundEvent.ForTurn(new ConversationTurn(
            eventId,
            // app_mention and message arrive for the same posted message under two event ids: one identity. Time first,
            // so that identities arrive in order whatever the channel (an index of them grows at its end).
            $"{ts}:{channel}",
            new ConversationKey(ChatPlatform.Slack, team, channel, thread),
            kind.Value,
            user,
            user,
            text,
            TextEntities.SlackMentions(text),
            TextEntities.SlackLinks(text),
            at,
            context));
    }
}
