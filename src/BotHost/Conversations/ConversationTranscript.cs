using ChatCouncil.BotHost.History;

namespace ChatCouncil.BotHost.Conversations;

/// <summary>A conversation and its messages, oldest first.</summary>
public sealed record ConversationTranscript(Conversation Conversation, IReadOnlyList<HistoryMessage> Messages);
