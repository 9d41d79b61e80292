using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// A decision as it arrived from a platform, not yet verified: the presented token, where it was clicked (or
/// commented), by whom, and the platform event that carried it.
/// </summary>
public sealed record ApprovalClick(
    ApprovalAction Action,
    string Token,
    ConversationKey Where,
    string UserId,
    string UserName,
    string EventId,
    DateTimeOffset At);
