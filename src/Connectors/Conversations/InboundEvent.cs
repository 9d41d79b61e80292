namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// The result of parsing one verified inbound request. <see cref="Turn"/> is set only for
/// <see cref="InboundOutcome.Turn"/>; <see cref="Detail"/> carries the Slack challenge, or the reason
/// an event was ignored or rejected (never a secret).
/// </summary>
public sealed record InboundEvent(InboundOutcome Outcome, ConversationTurn? Turn = null, string? Detail = null)
{
    public static InboundEvent ForTurn(ConversationTurn turn) => new(InboundOutcome.Turn, turn);

    public static InboundEvent Ignored(string reason) => new(InboundOutcome.Ignored, Detail: reason);

    public static InboundEvent Malformed(string reason) => new(InboundOutcome.Malformed, Detail: reason);

    public static InboundEvent Ping { get; } = new(InboundOutcome.Ping);
}
