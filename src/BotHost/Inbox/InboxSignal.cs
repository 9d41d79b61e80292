using System.Threading.Channels;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>Wakes idle workers when an event is accepted, so they need not wait for the next poll.</summary>
internal sealed class InboxSignal
{
    private readonly Channel<bool> _pulses = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pulses.Writer.TryWrite(true);

    /// <summary>Returns at the next pulse or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _pulses.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
