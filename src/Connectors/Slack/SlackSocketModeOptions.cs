namespace ChatCouncil.Connectors.Slack;

/// <summary>Slack Socket Mode (events without a public URL), bound from "Connectors:Slack:SocketMode".</summary>
public sealed class SlackSocketModeOptions
{
    public const string SectionName = "Connectors:Slack:SocketMode";

    /// <summary>Receive events over Socket Mode (needs <see cref="AppToken"/> and an <see cref="ISlackEnvelopeHandler"/>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The app-level token (xapp-…) with connections:write. Secret: never logged.</summary>
    public string? AppToken { get; set; }

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);
}
