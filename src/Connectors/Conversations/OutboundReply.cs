namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// An answer to post. <see cref="IdempotencyKey"/> is stable for one logical reply, so a retry after
/// a crash can recognise that it was already delivered.
/// </summary>
public sealed record OutboundReply(
    ConversationKey Key,
    string Text,
    string IdempotencyKey,
    IReadOnlyDictionary<string, string> ReplyContext);
