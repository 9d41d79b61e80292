namespace ChatCouncil.BotHost.History;

/// <summary>
/// Conversations and their messages. Implementations are thread-safe singletons; every call uses
/// its own connection. Timestamps come from the injected <see cref="TimeProvider"/> and are kept to
/// the millisecond.
/// </summary>
public interface IChatHistoryStore
{
    /// <summary>Largest page <see cref="ListConversationsAsync"/> returns.</summary>
    public const int MaxPageSize = 500;

    Task<Conversation> CreateConversationAsync(string title, string source, CancellationToken cancellationToken = default);

    /// <returns>null when no conversation has this id.</returns>
    Task<Conversation?> GetConversationAsync(Guid conversationId, CancellationToken cancellationToken = default);

    /// <exception cref="KeyNotFoundException">The conversation does not exist.</exception>
    Task<HistoryMessage> AppendMessageAsync(Guid conversationId, NewHistoryMessage message, CancellationToken cancellationToken = default);

    /// <summary>All messages of a conversation, oldest first; empty when the conversation does not exist.</summary>
    Task<IReadOnlyList<HistoryMessage>> ListMessagesAsync(Guid conversationId, CancellationToken cancellationToken = default);

    /// <summary>Newest first. <paramref name="limit"/> is 1 to <see cref="MaxPageSize"/>.</summary>
    Task<IReadOnlyList<Conversation>> ListConversationsAsync(int offset, int limit, CancellationToken cancellationToken = default);
}
