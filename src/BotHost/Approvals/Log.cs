using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Approvals;

// Tokens are never logged: a request id (the token's public half) and the reason are enough to follow a refusal.
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "Approval {RequestId} posted to {ConversationKey}")]
    public static partial void Posted(ILogger logger, Guid requestId, string conversationKey);

    [LoggerMessage(5102, LogLevel.Information, "Approval {RequestId}: {Action} by {Platform} user {UserId} (event {EventId})")]
    public static partial void Decided(ILogger logger, Guid requestId, ApprovalAction action, ChatPlatform platform, string userId, string eventId);

    [LoggerMessage(5103, LogLevel.Warning, "Approval decision refused ({Outcome}) for request {RequestId} from {Platform} user {UserId} in {ConversationKey} (event {EventId})")]
    public static partial void Refused(ILogger logger, DecisionOutcome outcome, Guid? requestId, ChatPlatform platform, string userId, string conversationKey, string eventId);

    [LoggerMessage(5104, LogLevel.Warning, "Replacing the buttons of approval {RequestId} on {Platform} with its outcome failed; the decision stands")]
    public static partial void CloseFailed(ILogger logger, Exception exception, Guid requestId, ChatPlatform platform);
}
