using System.Collections.Concurrent;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// The outbox of a process without storage: forgets everything when the process ends (a crash may then repost).
/// Thread-safe.
/// </summary>
public sealed class InMemoryReplyOutbox(TimeProvider time) : IReplyOutbox
{
    private readonly ConcurrentDictionary<(ChatPlatform, string, int), OutboxPiece> _pieces = new();

    public Task<IReadOnlyList<OutboxPiece>> LoadAsync(ChatPlatform platform, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxPiece>>(
            [.. _pieces.Where(p => p.Key.Item1 == platform && p.Key.Item2 == idempotencyKey).Select(p => p.Value).OrderBy(p => p.Index)]);

    public Task BeginPostAsync(ChatPlatform platform, string idempotencyKey, int piece, CancellationToken cancellationToken)
    {
        _pieces.TryAdd((platform, idempotencyKey, piece), new OutboxPiece(piece, null, false, time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task RecordAsync(ChatPlatform platform, string idempotencyKey, int piece, string messageId, bool final, CancellationToken cancellationToken)
    {
        _pieces.AddOrUpdate(
            (platform, idempotencyKey, piece),
            _ => new OutboxPiece(piece, messageId, final, time.GetUtcNow()),
            (_, old) => old with { MessageId = messageId, Final = final });
        return Task.CompletedTask;
    }
}
