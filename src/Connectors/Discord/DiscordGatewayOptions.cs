namespace ChatCouncil.Connectors.Discord;

/// <summary>The Discord Gateway connection (plain channel messages and mentions), bound from "Connectors:Discord:Gateway".</summary>
public sealed class DiscordGatewayOptions
{
    public const string SectionName = "Connectors:Discord:Gateway";

    /// <summary>GUILD_MESSAGES (1 &lt;&lt; 9), DIRECT_MESSAGES (1 &lt;&lt; 12), MESSAGE_CONTENT (1 &lt;&lt; 15, privileged).</summary>
    public const int DefaultIntents = (1 << 9) | (1 << 12) | (1 << 15);

    /// <summary>Connect to the Gateway (needs Connectors:Discord:BotToken and an <see cref="IDiscordDispatchHandler"/>).</summary>
    public bool Enabled { get; set; }

    public Uri Url { get; set; } = new("wss://gateway.discord.gg/?v=10&encoding=json");

    public int Intents { get; set; } = DefaultIntents;

    /// <summary>Cap on the growing wait between failed connection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);
}
