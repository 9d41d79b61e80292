namespace ChatCouncil.Connectors.Conversations;

/// <summary>What a verified inbound request turned out to be.</summary>
public enum InboundOutcome
{
    /// <summary>A conversation turn to store and answer.</summary>
    Turn,

    /// <summary>Well-formed but not for the bot: its own or another bot's message, an edit, an unknown event type.</summary>
    Ignored,

    /// <summary>Slack's endpoint check; answer with <see cref="InboundEvent.Detail"/> (the challenge).</summary>
    UrlVerification,

    /// <summary>Discord's PING or GitHub's ping: answer, store nothing.</summary>
    Ping,

    /// <summary>The body is not the platform's documented format; <see cref="InboundEvent.Detail"/> says why.</summary>
    Malformed,
}
