using System.Collections.Concurrent;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// Remembers, in this process, which replies (by platform and idempotency key) were delivered and which of their
/// pieces were posted: a second send of a delivered reply posts nothing and returns the first result; a send that
/// failed half way resumes after the pieces already posted; concurrent sends of one key run one after the other.
/// Bounded: the oldest keys are forgotten past <see cref="Capacity"/>. Surviving a crash is the durable outbox's job.
/// Thread-safe.
/// </summary>
public sealed class DeliveryLedger(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Capacity { get; } = capacity;

    public bool WasDelivered(ChatPlatform platform, string idempotencyKey) =>
        _entries.TryGetValue(Key(platform, idempotencyKey), out var entry) && entry.Delivered is not null;

    /// <summary>Runs <paramref name="deliver"/> unless the reply was delivered already; returns what was delivered.</summary>
    public async Task<(DeliveredReply Reply, bool AlreadyDelivered)> DeliverOnceAsync(
        ChatPlatform platform,
        string idempotencyKey,
        Func<DeliveryProgress, CancellationToken, Task<DeliveredReply>> deliver,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentNullException.ThrowIfNull(deliver);
        var key = Key(platform, idempotencyKey);
        var entry = _entries.GetOrAdd(key, static _ => new Entry());
        if (entry.IsNew())
        {
            _order.Enqueue(key);
            Trim();
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Delivered is { } done)
            {
                return (done, true);
            }

            var delivered = await deliver(entry.Progress, cancellationToken);
            entry.Delivered = delivered;
            return (delivered, false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private void Trim()
    {
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }
    }

    private static string Key(ChatPlatform platform, string idempotencyKey) => $"{platform}:{idempotencyKey}";

    private sealed class Entry
    {
        private int _seen;

        // Never disposed: an entry may still be awaited when it is trimmed, and an unused SemaphoreSlim holds no handle.
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DeliveryProgress Progress { get; } = new();

        public DeliveredReply? Delivered { get; set; }

        public bool IsNew() => Interlocked.Exchange(ref _seen, 1) == 0;
    }
}
