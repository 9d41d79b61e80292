using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// A slash command (<c>/council ask …</c>) posted as a form to a turn. Each invocation is its own conversation,
/// keyed by its <c>trigger_id</c>; the answer goes to <c>response_url</c>. Pure and thread-safe.
/// </summary>
public static class SlackCommandParser
{
    public static InboundEvent Parse(ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        if (SlackForm.Parse(body) is not { } form)
        {
            return InboundEvent.Malformed("The body is not form-encoded.");
        }

        // Slack checks a command URL's certificate now and then with a form of ssl_check=1 and token: answer 200.
        if (form.GetValueOrDefault("ssl_check") == "1")
        {
            return InboundEvent.Ping;
        }

        var command = form.GetValueOrDefault("command");
        var user = form.GetValueOrDefault("user_id");
        var channel = form.GetValueOrDefault("channel_id");
        var team = form.GetValueOrDefault("team_id");
        var trigger = form.GetValueOrDefault("trigger_id");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(channel)
            || string.IsNullOrEmpty(team) || string.IsNullOrEmpty(trigger))
        {
            return InboundEvent.Malformed("A slash command needs command, user_id, channel_id, team_id and trigger_id.");
        }

        var text = form.GetValueOrDefault("text") ?? "";
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["channel"] = channel,
            ["command"] = command,
            ["trigger_id"] = trigger,
        };
        if (form.GetValueOrDefault("response_url") is { Length: > 0 } responseUrl)
        {
            context["response_url"] = responseUrl;
        }

        return InboundEvent.ForTurn(new ConversationTurn(
            $"command:{trigger}",
            $"command:{trigger}",
            new ConversationKey(ChatPlatform.Slack, team, channel, $"command:{trigger}"),
            TurnKind.SlashCommand,
            user,
            form.GetValueOrDefault("user_name") ?? user,
            text,
            TextEntities.SlackMentions(text),
            // Command text arrives unformatted (links are not wrapped in <>) unless the command escapes it.
            [.. TextEntities.SlackLinks(text).Concat(TextEntities.PlainLinks(text)).DistinctBy(u => u.AbsoluteUri)],
            receivedAt,
            context));
    }
}
