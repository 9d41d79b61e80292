using System.Collections.Concurrent;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// Remembers which replies (by platform and idempotency key) were delivered and which of their pieces were posted:
/// a second send of a delivered reply posts nothing and returns the first result; a send that failed half way
/// resumes after the pieces already posted; concurrent sends of one key run one after the other. The pieces are
/// written through to the <see cref="IReplyOutbox"/>, so with a durable outbox this survives a crash too.
/// Bounded: the oldest keys are forgotten in memory past <see cref="Capacity"/> (the outbox still has them).
/// Thread-safe.
/// </summary>
public sealed class DeliveryLedger(IReplyOutbox outbox, TimeProvider time, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>A ledger on an in-memory outbox: what a process without storage (and a test) uses.</summary>
    public DeliveryLedger()
        : this(new InMemoryReplyOutbox(TimeProvider.System), TimeProvider.System)
    {
    }

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
        ArgumentNullException.ThrowIfNull(deliver);
        var entry = Enter(platform, idempotencyKey);
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Delivered is { } done)
            {
                return (done, true);
            }

            await entry.Progress.LoadAsync(cancellationToken);
            var delivered = await deliver(entry.Progress, cancellationToken);
            entry.Delivered = delivered;
            return (delivered, false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="stream"/> (posting or editing a partial answer) under the key's gate, unless the reply was
    /// delivered already; false then.
    /// </summary>
    public async Task<bool> StreamAsync(
        ChatPlatform platform,
        string idempotencyKey,
        Func<DeliveryProgress, CancellationToken, Task> stream,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var entry = Enter(platform, idempotencyKey);
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Delivered is not null)
            {
                return false;
            }

            await entry.Progress.LoadAsync(cancellationToken);
            await stream(entry.Progress, cancellationToken);
            return true;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private Entry Enter(ChatPlatform platform, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var key = Key(platform, idempotencyKey);
        var entry = _entries.GetOrAdd(key, _ => new Entry(new DeliveryProgress(outbox, time, platform, idempotencyKey)));
        if (entry.IsNew())
        {
            _order.Enqueue(key);
            Trim();
        }

        return entry;
    }

    private void Trim()
    {
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }
    }

    private static string Key(ChatPlatform platform, string idempotencyKey) => $"{platform}:{idempotencyKey}";

    private sealed class Entry(DeliveryProgress progress)
    {
        private int _seen;

        // Never disposed: an entry may still be awaited when it is trimmed, and an unused SemaphoreSlim holds no handle.
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DeliveryProgress Progress { get; } = progress;

        public DeliveredReply? Delivered { get; set; }

        public bool IsNew() => Interlocked.Exchange(ref _seen, 1) == 0;
    }
}
