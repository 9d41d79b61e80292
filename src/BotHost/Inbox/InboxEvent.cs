using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// An event a worker has claimed. <see cref="Attempts"/> counts this attempt; <see cref="Answer"/> is the
/// answer an earlier attempt already produced (so a retry re-sends it instead of asking the model again).
/// </summary>
public sealed record InboxEvent(long Id, ConversationTurn Turn, int Attempts, string? Answer);
