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
}
