namespace ChatCouncil.Connectors.Discord;

/// <summary>The reply-context keys the Discord parsers write and the Discord client reads.</summary>
public static class DiscordReplyContext
{
    public const string ApplicationId = "application_id";

    /// <summary>The interaction token: 15 minutes of follow-ups. Secret: never logged.</summary>
    public const string InteractionToken = "interaction_token";

    /// <summary>The interaction's id, a snowflake: it tells when the interaction (and its token's 15 minutes) began.</summary>
    public const string InteractionId = "interaction_id";

    public const string ChannelId = "channel_id";

    /// <summary>Present on a button click (MESSAGE_COMPONENT): the click's own id.</summary>
    public const string CustomId = "custom_id";

    /// <summary>The message the turn came from (a Gateway message, or the message holding a clicked button).</summary>
    public const string MessageId = "message_id";
}
