using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// Answers one claimed event: acknowledges it, lets the first <see cref="ITurnHandler"/> that takes the turn produce
/// the answer, keeps the answer with the event, then hands it to the platform's client with the event id as
/// idempotency key. A retry after the answer was kept re-sends it rather than asking for it again.
/// A handler may stream its answer into the reply's first message meanwhile (<see cref="ClaimedTurn.Progress"/>); the
/// send then edits that message into the final answer, and the outbox behind the client keeps which messages exist,
/// so a retry after a crash edits them rather than posting again.
/// Thread-safe; events of one conversation never reach it concurrently (the inbox claims them one at a time).
/// </summary>
internal sealed class InboxProcessor(
    IInboxStore store,
    IEnumerable<ITurnHandler> handlers,
    ChatModelTurnHandler chatModel,
    ChatPlatformClients clients,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxProcessor> logger)
{
    private readonly ITurnHandler[] _handlers = [.. handlers, chatModel];

    public async Task ProcessAsync(InboxEvent inboxEvent, string worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var turn = inboxEvent.Turn;
        // A slow answer must not outlive its claim, or another process would take the event and answer it again.
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileWorkingAsync(inboxEvent.Id, worker, renewal.Token);
        try
        {
            var client = clients.Find(turn.Key.Platform) ?? throw new InvalidOperationException(
                $"No chat platform client is registered for {turn.Key.Platform}, so the answer cannot be delivered. " +
                $"Enable and configure the {turn.Key.Platform} connector, then replay this event from the dead-letter list.");
            var answer = inboxEvent.Answer;
            if (answer is null)
            {
                if (inboxEvent.Attempts == 1)
                {
                    await AcknowledgeAsync(client, turn, cancellationToken);
                }

                // The chat model, last, takes every turn.
                var handler = _handlers.First(h => h.Takes(turn));
                var progress = ProgressFor(client, turn);
                answer = await handler.AnswerAsync(new ClaimedTurn(inboxEvent, worker, client) { Progress = progress }, cancellationToken);
                await store.SaveAnswerAsync(inboxEvent.Id, worker, answer, cancellationToken);
                if (progress is ThrottledAnswerProgress streamed)
                {
                    await streamed.PaceAsync(cancellationToken);
                }
            }

            await client.SendAsync(new OutboundReply(turn.Key, answer, turn.EventId, turn.ReplyContext), cancellationToken);
            await store.CompleteAsync(inboxEvent.Id, worker, CancellationToken.None);
            Log.Answered(logger, inboxEvent.Id, turn.Key.Platform, turn.EventId, inboxEvent.Attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(inboxEvent.Id, worker, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await FailAsync(inboxEvent, worker, ex);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewWhileWorkingAsync(long id, string worker, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.Lease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken) && await store.RenewAsync(id, worker, cancellationToken))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The claim then ends with its lease; the completion checks the worker, so nothing is answered twice here.
            Log.RenewFailed(logger, ex, id);
        }
    }

    private async Task FailAsync(InboxEvent inboxEvent, string worker, Exception ex)
    {
        var settings = options.Value;
        var turn = inboxEvent.Turn;
        var error = $"{ex.GetType().Name}: {ex.Message}";
        if (inboxEvent.Attempts >= settings.MaxAttempts)
        {
            await store.FailAsync(inboxEvent.Id, worker, error, retryAt: null, CancellationToken.None);
            Log.DeadLettered(logger, ex, inboxEvent.Id, turn.Key.Platform, turn.EventId, inboxEvent.Attempts);
            return;
        }

        var retryAt = time.GetUtcNow() + RetryDelay(inboxEvent.Attempts, settings);
        await store.FailAsync(inboxEvent.Id, worker, error, retryAt, CancellationToken.None);
        Log.WillRetry(logger, ex, inboxEvent.Id, turn.Key.Platform, turn.EventId, inboxEvent.Attempts, retryAt);
    }

    /// <summary>RetryDelay × 2^(attempt − 1), capped, with up to 20% jitter so retries of many events spread out.</summary>
    internal static TimeSpan RetryDelay(int attempt, InboxOptions settings)
    {
        var exponential = settings.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = exponential < settings.MaxRetryDelay ? exponential : settings.MaxRetryDelay;
        return capped * (1 + (0.2 * Random.Shared.NextDouble()));
    }

    private IAnswerProgress ProgressFor(IChatPlatformClient client, ConversationTurn turn) =>
        client.StreamInterval is { } interval ? new ThrottledAnswerProgress(client, turn, interval, time, logger) : NoAnswerProgress.Instance;

    private async Task AcknowledgeAsync(IChatPlatformClient client, ConversationTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await client.AcknowledgeAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The 👀 is a courtesy: failing to show it must not stop the answer.
            Log.AcknowledgeFailed(logger, ex, turn.Key.Platform, turn.EventId);
        }
    }
}
