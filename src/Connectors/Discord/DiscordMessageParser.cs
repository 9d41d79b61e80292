using System.Globalization;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Turns a Gateway MESSAGE_CREATE into a turn when it is for the bot: a direct message, or a channel
/// message that mentions it. Bots (the bot itself included) are ignored, so replies never loop.
/// </summary>
public static class DiscordMessageParser
{
    public static InboundEvent Parse(JsonElement data, string? botUserId)
    {
        var id = data.String("id");
        var channel = data.String("channel_id");
        var author = data.Object("author");
        if (id is null || channel is null || author is null)
        {
            return InboundEvent.Malformed("MESSAGE_CREATE needs id, channel_id and author.");
        }

        if (author.Value.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
        {
            return InboundEvent.Ignored("message from a bot");
        }

        var guild = data.String("guild_id");
        var mentions = data.Array("mentions")?.EnumerateArray().Select(m => m.String("id")).OfType<string>().ToArray() ?? [];
        var mentioned = botUserId is not null && mentions.Contains(botUserId, StringComparer.Ordinal);
        if (guild is not null && !mentioned)
        {
            return InboundEvent.Ignored("channel message that does not mention the bot");
        }

        var text = data.String("content") ?? string.Empty;
        if (botUserId is not null)
        {
            text = text.Replace($"<@{botUserId}>", string.Empty, StringComparison.Ordinal).Replace($"<@!{botUserId}>", string.Empty, StringComparison.Ordinal).Trim();
        }

        var at = DateTimeOffset.TryParse(data.String("timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : DateTimeOffset.UnixEpoch;
        return InboundEvent.ForTurn(new ConversationTurn(
            $"discord-message:{id}",
            id,
            new ConversationKey(ChatPlatform.Discord, guild ?? "@me", channel, channel),
            mentioned ? TurnKind.Mention : TurnKind.Message,
            author.Value.String("id") ?? "unknown",
            author.Value.String("username") ?? "unknown",
            text,
            mentions,
            TextEntities.PlainLinks(text),
            at,
            new Dictionary<string, string> { [DiscordReplyContext.ChannelId] = channel, [DiscordReplyContext.MessageId] = id }));
    }
}
