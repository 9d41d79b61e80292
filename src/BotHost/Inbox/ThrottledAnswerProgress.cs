using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// Streams a turn's growing answer into its reply's first message through the platform client, no more often than
/// the client's <see cref="IChatPlatformClient.StreamInterval"/>. The reply's idempotency key is the turn's event id,
/// the same the final send uses, so the final send edits the streamed message. A platform failure (after the client's
/// own retries) stops the streaming for this turn; the final send still delivers the answer. Not thread-safe.
/// </summary>
internal sealed class ThrottledAnswerProgress : IAnswerProgress
{
    private readonly IChatPlatformClient _client;
    private readonly ConversationTurn _turn;
    private readonly ThrottledMessageEditor _editor;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private bool _stopped;

    public ThrottledAnswerProgress(IChatPlatformClient client, ConversationTurn turn, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _client = client;
        _turn = turn;
        _logger = logger;
        _interval = interval;
        _time = time;
        _editor = new ThrottledMessageEditor(ShowAsync, interval, time);
    }

    public async Task UpdateAsync(string answerSoFar, CancellationToken cancellationToken)
    {
        if (_stopped || string.IsNullOrWhiteSpace(answerSoFar))
        {
            return;
        }

        try
        {
            await _editor.UpdateAsync(answerSoFar, cancellationToken);
        }
        catch (Exception ex) when (ex is ChatPlatformException or System.Data.Common.DbException)
        {
            _stopped = true;
            Log.StreamingStopped(_logger, ex, _turn.Key.Platform, _turn.EventId);
        }
    }

    /// <summary>Waits until the message may be edited again, so the final edit keeps the platform's pace too.</summary>
    public Task PaceAsync(CancellationToken cancellationToken)
    {
        var wait = _editor.LastEditAt is { } last ? last + _interval - _time.GetUtcNow() : TimeSpan.Zero;

        // Timers count whole milliseconds and may round a fraction down: a millisecond more never undercuts the pace.
        return wait > TimeSpan.Zero
            ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds) + 1), _time, cancellationToken)
            : Task.CompletedTask;
    }

    private Task ShowAsync(string text, CancellationToken cancellationToken) =>
        _client.ShowPartialAsync(new OutboundReply(_turn.Key, text, _turn.EventId, _turn.ReplyContext), cancellationToken);
}
