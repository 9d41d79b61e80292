using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Interactivity (form field <c>payload</c> = JSON) to turns: <c>block_actions</c> button clicks become
/// <see cref="TurnKind.ButtonClick"/> turns in the thread of the message that carried the button, with
/// text <c>action_id value</c>. Other interaction types are ignored. Pure and thread-safe.
/// </summary>
public static class SlackInteractionParser
{
    public static InboundEvent Parse(ReadOnlySpan<byte> body)
    {
        if (SlackForm.Parse(body) is not { } form || form.GetValueOrDefault("payload") is not { Length: > 0 } payload)
        {
            return InboundEvent.Malformed("The body is not a form with a payload field.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return InboundEvent.Malformed("The payload is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.String("type") switch
            {
                "block_actions" => ParseBlockActions(root),
                null => InboundEvent.Malformed("The payload has no type."),
                var other => InboundEvent.Ignored($"Slack interaction type '{other}' is not handled."),
            };
        }
    }

    private static InboundEvent ParseBlockActions(JsonElement root)
    {
        var team = root.Object("team").String("id");
        var user = root.Object("user");
        var userId = user.String("id");
        var channel = root.Object("channel").String("id") ?? root.Object("container").String("channel_id");
        var message = root.Object("message");
        var messageTs = message.String("ts") ?? root.Object("container").String("message_ts");
        var action = root.Array("actions") is { } actions && actions.GetArrayLength() > 0 ? actions[0] : (JsonElement?)null;
        var actionId = action.String("action_id");
        var actionTs = action.String("action_ts");
        if (team is null || userId is null || channel is null || messageTs is null || actionId is null || actionTs is null)
        {
            return InboundEvent.Malformed("block_actions needs team, user, channel, message ts and an action with action_id and action_ts.");
        }

        var value = action.String("value") ?? "";
        var thread = message.String("thread_ts") ?? messageTs;
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["channel"] = channel,
            ["ts"] = messageTs,
            ["thread_ts"] = thread,
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (root.String("response_url") is { Length: > 0 } responseUrl)
        {
            context["response_url"] = responseUrl;
        }

        // One click is one user's action at one action_ts on one message; Slack sends no event id.
        var identity = $"action:{channel}:{messageTs}:{actionId}:{userId}:{actionTs}";
        return InboundEvent.ForTurn(new ConversationTurn(
            identity,
            identity,
            new ConversationKey(ChatPlatform.Slack, team, channel, thread),
            TurnKind.ButtonClick,
            userId,
            user.String("username") ?? user.String("name") ?? userId,
            value.Length == 0 ? actionId : $"{actionId} {value}",
            [],
            [],
            JsonFields.FromSlackTimestamp(actionTs) ?? DateTimeOffset.UnixEpoch,
            context));
    }
}
