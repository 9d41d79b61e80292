namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// Streams a growing answer into one posted message (Slack chat.update, Discord message or @original edit, GitHub
/// comment edit) no more often than the platform allows: an update within <c>minInterval</c> of the last edit is
/// held back (the newest text wins) and sent by the next update that is due or by <see cref="FlushAsync"/>, which
/// always sends the final text. Not thread-safe: one producer streams one message.
/// </summary>
public sealed class ThrottledMessageEditor(Func<string, CancellationToken, Task> edit, TimeSpan minInterval, TimeProvider time)
{
    private DateTimeOffset? _lastEdit;
    private string? _pending;
    private string? _sent;

    public int EditCount { get; private set; }

    /// <summary>When the last edit finished; null before the first.</summary>
    public DateTimeOffset? LastEditAt => _lastEdit;

    /// <summary>Offers the answer so far; edits the message now if the last edit is old enough.</summary>
    public async Task UpdateAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        _pending = text;
        if (_lastEdit is null || time.GetUtcNow() - _lastEdit >= minInterval)
        {
            await SendPendingAsync(cancellationToken);
        }
    }

    /// <summary>Sends the newest text if it has not been sent yet.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => SendPendingAsync(cancellationToken);

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending is null || _pending == _sent)
        {
            return;
        }

        var text = _pending;
        await edit(text, cancellationToken);
        _sent = text;
        _lastEdit = time.GetUtcNow();
        EditCount++;
    }
}
