using System.Collections.Concurrent;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// The outbox of a process without storage: forgets everything when the process ends (a crash may then repost), and
/// the oldest replies past <paramref name="capacity"/>. Thread-safe.
/// </summary>
public sealed class InMemoryReplyOutbox(TimeProvider time, int capacity = 10_000) : IReplyOutbox
{
    private readonly ConcurrentDictionary<(ChatPlatform, string), ConcurrentDictionary<int, OutboxPiece>> _replies = new();
    private readonly ConcurrentQueue<(ChatPlatform, string)> _order = new();

    public Task<IReadOnlyList<OutboxPiece>> LoadAsync(ChatPlatform platform, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxPiece>>(
            _replies.TryGetValue((platform, idempotencyKey), out var pieces) ? [.. pieces.Values.OrderBy(p => p.Index)] : []);

    public Task BeginPostAsync(ChatPlatform platform, string idempotencyKey, int piece, CancellationToken cancellationToken)
    {
        Pieces(platform, idempotencyKey).TryAdd(piece, new OutboxPiece(piece, null, false, time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task RecordAsync(ChatPlatform platform, string idempotencyKey, int piece, string messageId, bool final, CancellationToken cancellationToken)
    {
        Pieces(platform, idempotencyKey).AddOrUpdate(
            piece,
            _ => new OutboxPiece(piece, messageId, final, time.GetUtcNow()),
            (_, old) => old with { MessageId = messageId, Final = final });
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<int, OutboxPiece> Pieces(ChatPlatform platform, string idempotencyKey)
    {
        var key = (platform, idempotencyKey);
        if (_replies.TryGetValue(key, out var pieces))
        {
            return pieces;
        }

        pieces = _replies.GetOrAdd(key, _ => new ConcurrentDictionary<int, OutboxPiece>());
        _order.Enqueue(key);
        while (_replies.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _replies.TryRemove(oldest, out _);
        }

        return pieces;
    }
}
