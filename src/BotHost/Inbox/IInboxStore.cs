using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// The durable inbox. Thread-safe singletons; on PostgreSQL several processes share one inbox and each event
/// is claimed by one worker at a time. A conversation's events are claimed one at a time in the order they
/// were accepted; different conversations proceed in parallel. Calls that change a claimed event name the
/// worker and do nothing if its lease has passed to another.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores a turn unless its event id or message identity is already stored.</summary>
    async Task<InboxAcceptance> AcceptAsync(ConversationTurn turn, CancellationToken cancellationToken) =>
        (await AcceptManyAsync([turn], cancellationToken))[0];

    /// <summary>
    /// <see cref="AcceptAsync"/> for several turns in one transaction (one disk flush), in order: a turn that repeats
    /// an earlier one of the same batch is a duplicate too. All are stored, or none (the call throws).
    /// </summary>
    Task<IReadOnlyList<InboxAcceptance>> AcceptManyAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken);

    /// <summary>The oldest event that is due and whose conversation has no earlier unfinished event; null when none.</summary>
    Task<InboxEvent?> ClaimAsync(string worker, CancellationToken cancellationToken);

    /// <summary>Extends a claim by a whole lease from now; false when the claim is no longer this worker's.</summary>
    Task<bool> RenewAsync(long id, string worker, CancellationToken cancellationToken);

    Task SaveAnswerAsync(long id, string worker, string answer, CancellationToken cancellationToken);

    Task CompleteAsync(long id, string worker, CancellationToken cancellationToken);

    /// <summary>Schedules another attempt at <paramref name="retryAt"/>, or dead-letters the event when it is null.</summary>
    Task FailAsync(long id, string worker, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Gives a claimed event back untouched (shutdown), without counting the attempt.</summary>
    Task ReleaseAsync(long id, string worker, CancellationToken cancellationToken);

    /// <summary>
    /// At start, frees the claims a crashed run left behind, where only one process uses the store (SQLite).
    /// A shared store (PostgreSQL) does nothing here: a dead process's claims end with their lease.
    /// </summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The backlog and the dead letters, counted now.</summary>
    Task<InboxCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Puts a dead letter back in line with a fresh set of attempts; false when no dead letter has this id.</summary>
    Task<bool> ReplayAsync(long id, CancellationToken cancellationToken);

    /// <summary>The stored conversation of a platform thread, or null.</summary>
    Task<Guid?> FindConversationAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>Links a thread to a conversation unless it already has one; returns the linked conversation.</summary>
    Task<Guid> LinkConversationAsync(ConversationKey key, Guid conversationId, CancellationToken cancellationToken);
}
