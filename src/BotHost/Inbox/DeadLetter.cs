using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>An event that failed every attempt, as operators see it on <c>GET /inbox/dead-letters</c>.</summary>
public sealed record DeadLetter(
    long Id,
    ChatPlatform Platform,
    string EventId,
    string ConversationKey,
    int Attempts,
    string? LastError,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FailedAt);
