using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// The pieces of one reply already posted, by index, read from and written through to the <see cref="IReplyOutbox"/>,
/// so a retried send (in this process or the next) resumes after the last piece and edits rather than reposts.
/// Used under the <see cref="DeliveryLedger"/>'s gate for its key: not thread-safe on its own.
/// </summary>
public sealed class DeliveryProgress
{
    private readonly SortedDictionary<int, OutboxPiece> _pieces = [];
    private readonly IReplyOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ChatPlatform _platform;
    private readonly string _key;
    private bool _loaded;

    internal DeliveryProgress(IReplyOutbox outbox, TimeProvider time, ChatPlatform platform, string idempotencyKey)
    {
        _outbox = outbox;
        _time = time;
        _platform = platform;
        _key = idempotencyKey;
    }

    public IReadOnlyList<string> MessageIds => [.. _pieces.Values.Where(p => p.MessageId is not null).Select(p => p.MessageId!)];

    public bool TryGetPosted(int index, out string messageId)
    {
        messageId = _pieces.TryGetValue(index, out var piece) ? piece.MessageId! : null!;
        return messageId is not null;
    }

    /// <summary>Whether a post of the piece began and its message was never recorded: it may exist on the platform.</summary>
    public bool IsUnconfirmed(int index) => _pieces.TryGetValue(index, out var piece) && piece.MessageId is null;

    /// <summary>Whether the piece was posted with (or edited to) its final text.</summary>
    public bool IsFinal(int index) => _pieces.TryGetValue(index, out var piece) && piece.MessageId is not null && piece.Final;

    public Task RecordAsync(int index, string messageId, bool final, CancellationToken cancellationToken)
    {
        _pieces[index] = new OutboxPiece(index, messageId, final, _pieces.TryGetValue(index, out var old) ? old.BeganAt : DateTimeOffset.MinValue);
        return _outbox.RecordAsync(_platform, _key, index, messageId, final, cancellationToken);
    }

    /// <summary>
    /// Posts a piece once: a piece whose earlier post was never confirmed (the process died, or the answer was lost) is
    /// first looked for on the platform with <paramref name="find"/> (given when that post began), and posted only if
    /// it is not there. The post is announced in the outbox before it is sent.
    /// </summary>
    public async Task<string> PostOnceAsync(
        int index,
        bool final,
        Func<DateTimeOffset, CancellationToken, Task<string?>>? find,
        Func<CancellationToken, Task<string>> post,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (TryGetPosted(index, out var posted))
        {
            return posted;
        }

        if (find is not null && _pieces.TryGetValue(index, out var unconfirmed) && await find(unconfirmed.BeganAt, cancellationToken) is { } found)
        {
            await RecordAsync(index, found, final: false, cancellationToken);
            return found;
        }

        await _outbox.BeginPostAsync(_platform, _key, index, cancellationToken);
        _pieces.TryAdd(index, new OutboxPiece(index, null, false, _time.GetUtcNow()));
        var id = await post(cancellationToken);
        await RecordAsync(index, id, final, cancellationToken);
        return id;
    }

    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        foreach (var piece in await _outbox.LoadAsync(_platform, _key, cancellationToken))
        {
            _pieces[piece.Index] = piece;
        }

        _loaded = true;
    }
}
