using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// A verified decision: who (platform user id and display name) decided what, on which platform, through which
/// platform event (the click's or comment's event id), and when.
/// </summary>
public sealed record ApprovalDecision(
    ApprovalAction Action,
    ChatPlatform Platform,
    string UserId,
    string UserName,
    string EventId,
    DateTimeOffset At);
