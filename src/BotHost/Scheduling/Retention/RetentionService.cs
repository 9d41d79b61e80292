using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>
/// One retention run, if this process holds the period's lease: deletes the inbox events and reply-outbox rows past
/// their keep time, in batches of <see cref="RetentionOptions.BatchSize"/>, logs the counts and records the outcome.
/// Thread-safe singleton.
/// </summary>
public sealed class RetentionService(
    IRetentionStore store,
    IJobRunLease lease,
    RetentionStatus status,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger)
{
    public const string JobName = "retention";

    /// <exception cref="Exception">What the store threw, after the failure is recorded; what was deleted stays deleted.</exception>
    public async Task<RetentionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        RetentionOutcome outcome;
        try
        {
            if (!await lease.TryAcquireAsync(JobName, JobRunLease.PeriodFor(settings.Interval), cancellationToken))
            {
                Log.RunHeldElsewhere(logger, JobName);
                outcome = new RetentionOutcome(time.GetUtcNow(), RetentionResult.HeldElsewhere);
            }
            else
            {
                var now = time.GetUtcNow();
                var answeredBefore = now - settings.KeepAnswered;
                var events = await DeleteInBatchesAsync(
                    limit => store.DeleteFinishedEventsAsync(answeredBefore, now - settings.KeepDeadLetters, limit, cancellationToken), settings.BatchSize);
                var replies = await DeleteInBatchesAsync(
                    limit => store.DeleteRepliesAsync(answeredBefore, limit, cancellationToken), settings.BatchSize);
                Log.RetentionRan(logger, events, replies, settings.KeepAnswered, settings.KeepDeadLetters);
                outcome = new RetentionOutcome(time.GetUtcNow(), RetentionResult.Pruned, events, replies);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status.Record(new RetentionOutcome(time.GetUtcNow(), RetentionResult.Failed, ErrorKind: ex.GetType().Name));
            throw;
        }

        status.Record(outcome);
        return outcome;
    }

    private static async Task<int> DeleteInBatchesAsync(Func<int, Task<int>> deleteBatch, int batchSize)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(batchSize);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
