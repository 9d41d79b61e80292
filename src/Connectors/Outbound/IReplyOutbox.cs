using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// Where a reply's posted messages are written down (by platform, idempotency key and piece) so that a retry, in this
/// process or after a crash, edits or skips them instead of posting again. A post is announced with
/// <see cref="BeginPostAsync"/> before it is sent and recorded with <see cref="RecordAsync"/> once the platform named
/// the message: a piece left begun but unrecorded may exist on the platform, and is looked up there before it is
/// posted again. Thread-safe; the host replaces the in-memory default with a durable store.
/// </summary>
public interface IReplyOutbox
{
    Task<IReadOnlyList<OutboxPiece>> LoadAsync(ChatPlatform platform, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Notes that a piece is about to be posted; keeps what is already known about it.</summary>
    Task BeginPostAsync(ChatPlatform platform, string idempotencyKey, int piece, CancellationToken cancellationToken);

    /// <summary>Records the piece's message; <paramref name="final"/> once it holds its final text (not a streamed part).</summary>
    Task RecordAsync(ChatPlatform platform, string idempotencyKey, int piece, string messageId, bool final, CancellationToken cancellationToken);
}
