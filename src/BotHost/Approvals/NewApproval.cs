using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// What <see cref="ApprovalService.RequestAsync"/> needs: where to ask (the conversation and, optionally, the reply
/// context a platform needs beyond the key), what is asked, who asks, and for how long (null: the configured default).
/// A <see cref="RequestKey"/> makes the call idempotent: asking again with the same key returns the first request.
/// </summary>
public sealed record NewApproval(
    ConversationKey Conversation,
    string Summary,
    string RequestedBy,
    TimeSpan? ExpiresIn = null,
    IReadOnlyDictionary<string, string>? ReplyContext = null,
    string? RequestKey = null);
