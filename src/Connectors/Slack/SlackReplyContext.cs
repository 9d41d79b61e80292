namespace ChatCouncil.Connectors.Slack;

/// <summary>The reply-context keys the Slack parsers write and the Slack client reads.</summary>
public static class SlackReplyContext
{
    public const string Channel = "channel";

    /// <summary>The turn's own message ts (the message to react to).</summary>
    public const string Ts = "ts";

    /// <summary>The thread's parent ts (replies go there).</summary>
    public const string ThreadTs = "thread_ts";

    public const string ResponseUrl = "response_url";

    public static bool IsTs(string? value) =>
        value is { Length: > 2 } && value.Count(c => c == '.') == 1 && value.All(c => char.IsAsciiDigit(c) || c == '.') && value[0] != '.' && value[^1] != '.';
}
