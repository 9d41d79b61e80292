namespace ChatCouncil.Connectors.Slack;

/// <summary>Outbound Slack settings, bound from "Connectors:Slack" (the inbound side reads its own keys there too).</summary>
public sealed class SlackApiOptions
{
    public const string SectionName = "Connectors:Slack";

    public bool Enabled { get; set; }

    /// <summary>The bot user OAuth token (xoxb-…). Secret: never logged.</summary>
    public string? BotToken { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Reaction name added to a message as the bot's "seen it" (👀).</summary>
    public string AcknowledgementReaction { get; set; } = "eyes";

    /// <summary>Longest text of one posted message; 3000 also fits one Block Kit section when buttons are attached.</summary>
    public int MessageLimit { get; set; } = 3000;

    /// <summary>Whether an answer is shown while it is written: posted at its first words, then edited (chat.update).</summary>
    public bool StreamEdits { get; set; } = true;

    /// <summary>Least time between two edits of a streamed answer (Slack allows about one chat.update a second).</summary>
    public TimeSpan StreamEditInterval { get; set; } = TimeSpan.FromSeconds(1);
}
