using System.Text;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Interaction bodies to turns: 1 PING, 2 APPLICATION_COMMAND (text = sub-command names and option values),
/// 3 MESSAGE_COMPONENT (text = <c>custom_id</c>). A Discord thread is a channel, so the channel keys the
/// conversation. The interaction token and application id travel in the reply context for the deferred
/// answer. Pure and thread-safe.
/// </summary>
public static class DiscordInteractionParser
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;

    public static InboundEvent Parse(ReadOnlySpan<byte> body)
    {
        return JsonBody.ParseObject(body, root => root.Int64("type") switch
        {
            Ping => InboundEvent.Ping,
            ApplicationCommand or MessageComponent => ParseInteraction(root),
            null => InboundEvent.Malformed("The body has no numeric type."),
            var other => InboundEvent.Ignored($"Discord interaction type {other} is not handled."),
        });
    }

    private static InboundEvent ParseInteraction(JsonElement root)
    {
        var id = root.String("id");
        var applicationId = root.String("application_id");
        var token = root.String("token");
        var channel = root.String("channel_id") ?? root.Object("channel").String("id");
        var user = root.Object("member")?.Object("user") ?? root.Object("user");
        var userId = user.String("id");
        var data = root.Object("data");
        if (id is null || applicationId is null || token is null || channel is null || userId is null || data is null)
        {
            return InboundEvent.Malformed("An interaction needs id, application_id, token, channel_id, a user and data.");
        }

        if (user.Bool("bot"))
        {
            return InboundEvent.Ignored("A bot's interaction.");
        }

        var isCommand = root.Int64("type") == ApplicationCommand;
        string text;
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["application_id"] = applicationId,
            ["interaction_id"] = id,
            ["interaction_token"] = token,
            ["channel_id"] = channel,
        };
        if (isCommand)
        {
            if (data.String("name") is not { } name)
            {
                return InboundEvent.Malformed("An application command needs data.name.");
            }

            context["command"] = name;
            var words = new StringBuilder();
            AppendOptions(data.Value, words);
            text = words.ToString();
        }
        else
        {
            if (data.String("custom_id") is not { } customId)
            {
                return InboundEvent.Malformed("A message component needs data.custom_id.");
            }

            context["custom_id"] = customId;
            if (root.Object("message").String("id") is { } messageId)
            {
                context["message_id"] = messageId;
            }

            text = customId;
        }

        return InboundEvent.ForTurn(new ConversationTurn(
            id,
            $"interaction:{id}",
            new ConversationKey(ChatPlatform.Discord, root.String("guild_id") ?? "@me", channel, channel),
            isCommand ? TurnKind.SlashCommand : TurnKind.ButtonClick,
            userId,
            user.String("global_name") ?? user.String("username") ?? userId,
            text,
            TextEntities.DiscordMentions(text),
            TextEntities.PlainLinks(text),
            SnowflakeTime(id),
            context));
    }

    // Sub-commands contribute their names ("ask"), options their values ("what is the plan?").
    private static void AppendOptions(JsonElement container, StringBuilder words)
    {
        if (container.Array("options") is not { } options)
        {
            return;
        }

        foreach (var option in options.EnumerateArray())
        {
            var piece = option.Array("options") is not null || !option.TryGetProperty("value", out _)
                ? option.String("name")
                : option.String("value") ?? option.GetProperty("value").GetRawText();
            if (!string.IsNullOrEmpty(piece))
            {
                words.Append(words.Length > 0 ? " " : "").Append(piece);
            }

            AppendOptions(option, words);
        }
    }

    private static DateTimeOffset SnowflakeTime(string id) => DiscordSnowflake.Time(id) ?? DateTimeOffset.UnixEpoch;
}
