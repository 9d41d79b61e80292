using System.Threading.Channels;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// What webhook endpoints call: store the turn (or recognise it as a duplicate), then wake a worker. Turns that
/// arrive together are stored together, in one transaction and one disk flush (group commit), so a burst of
/// webhooks costs one flush per batch instead of one per request; each caller still returns only once its turn
/// is durable. Thread-safe singleton.
/// </summary>
public sealed class InboxIntake : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 256;

    private readonly IInboxStore _store;
    private readonly ILogger<InboxIntake> _logger;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public InboxIntake(IInboxStore store, ILogger<InboxIntake> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    internal InboxSignal Signal { get; } = new();

    public async Task<InboxAcceptance> AcceptAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(turn, new TaskCompletionSource<InboxAcceptance>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down; the event was not stored.");
        }

        // Not cancelled with the request: once queued, the turn is stored whether or not the caller still waits, and
        // the wait is one commit long (a cancellable wait would cost every request a token registration).
        var acceptance = await pending.Stored.Task;
        if (acceptance == InboxAcceptance.Accepted)
        {
            Log.Accepted(_logger, turn.Key.Platform, turn.EventId, turn.Key.Value);
        }
        else
        {
            Log.Duplicate(_logger, turn.Key.Platform, turn.EventId, turn.MessageId);
        }

        return acceptance;
    }

    /// <summary>Stores what is queued, then stops taking turns.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    // A container disposed synchronously (a host without async disposal) must not throw for this service.
    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var results = await _store.AcceptManyAsync([.. batch.Select(p => p.Turn)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Stored.TrySetResult(results[i]);
                }

                if (results.Contains(InboxAcceptance.Accepted))
                {
                    Signal.Notify();
                }
            }
            catch (Exception ex)
            {
                // The requests fail (500) and the platforms retry them; nothing was stored.
                foreach (var pending in batch)
                {
                    pending.Stored.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(ConversationTurn Turn, TaskCompletionSource<InboxAcceptance> Stored);
}
