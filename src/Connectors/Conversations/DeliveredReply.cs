namespace ChatCouncil.Connectors.Conversations;

/// <summary>What the platform answered for a posted reply: its message id(s), for later edits.</summary>
public sealed record DeliveredReply(IReadOnlyList<string> MessageIds);
