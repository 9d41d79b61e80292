namespace ChatCouncil.Connectors.Discord;

/// <summary>Outbound Discord settings, bound from "Connectors:Discord" (the inbound side reads its own keys there too).</summary>
public sealed class DiscordApiOptions
{
    public const string SectionName = "Connectors:Discord";

    public bool Enabled { get; set; }

    /// <summary>The bot token (sent as <c>Authorization: Bot …</c>). Secret: never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Used for interaction follow-ups when a reply does not carry its own application_id.</summary>
    public string? ApplicationId { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Emoji reacted on a plain (Gateway) message as the bot's "seen it".</summary>
    public string AcknowledgementEmoji { get; set; } = "👀";

    /// <summary>Discord's limit on message content.</summary>
    public int MessageLimit { get; set; } = 2000;

    /// <summary>Whether an answer is shown while it is written: @original (or a channel message) edited as it grows.</summary>
    public bool StreamEdits { get; set; } = true;

    /// <summary>Least time between two edits of a streamed answer (Discord's message edit limit is about 1 per second).</summary>
    public TimeSpan StreamEditInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after the interaction its token is still used; later, the answer goes through the bot's REST API as a
    /// channel message. Discord's tokens last 15 minutes: the margin keeps a slow answer from dying half way.
    /// </summary>
    public TimeSpan InteractionTokenWindow { get; set; } = TimeSpan.FromMinutes(14);
}
