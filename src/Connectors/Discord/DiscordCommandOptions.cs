namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Registration of the bot's application (slash) commands at start, bound from "Connectors:Discord:Commands".
/// Needs Connectors:Discord:Enabled, BotToken and ApplicationId.
/// </summary>
public sealed class DiscordCommandOptions
{
    public const string SectionName = "Connectors:Discord:Commands";

    /// <summary>Overwrite the application's commands with the bot's own at every start.</summary>
    public bool Register { get; set; } = true;

    /// <summary>
    /// Register in this guild only (instant, for development) instead of globally (every guild and DM the app is in).
    /// </summary>
    public string? GuildId { get; set; }
}
