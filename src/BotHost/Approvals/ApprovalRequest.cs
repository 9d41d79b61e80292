using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// A question put to the people of one conversation, answered by an Approve or Reject click (a <c>/approve</c> or
/// <c>/reject</c> comment on GitHub). <see cref="ReplyContext"/> is what the platform client needs to post there;
/// <see cref="MessageIds"/> are the posted message's ids once it went out. <see cref="Decision"/> is set once
/// <see cref="Status"/> is approved or rejected. Never carries the button token or its hash.
/// </summary>
public sealed record ApprovalRequest(
    Guid Id,
    ConversationKey Conversation,
    IReadOnlyDictionary<string, string> ReplyContext,
    string Summary,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    ApprovalStatus Status,
    ApprovalDecision? Decision,
    string? RequestKey,
    DateTimeOffset? PostedAt,
    IReadOnlyList<string> MessageIds)
{
    public bool IsDecided => Status != ApprovalStatus.Pending;

    /// <summary>The status as of <paramref name="now"/>: a pending request past its expiry reads as expired.</summary>
    public ApprovalRequest AsOf(DateTimeOffset now) =>
        Status == ApprovalStatus.Pending && ExpiresAt <= now ? this with { Status = ApprovalStatus.Expired } : this;
}
