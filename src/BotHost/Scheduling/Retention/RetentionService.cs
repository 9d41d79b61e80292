using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>
/// One retention run, if this process holds the period's lease: deletes the inbox events and reply-outbox rows past
/// their keep time, in batches of <see cref="RetentionOptions.BatchSize"/>, logs the counts and records the outcome
/// (what was deleted before a failure stays deleted). Thread-safe singleton.
/// </summary>
public sealed class RetentionService(
    IRetentionStore store,
    IJobRunLease lease,
    JobStatus<RetentionOutcome> status,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger)
    : LeasedJobService<RetentionOutcome>(lease, status, logger)
{
    public const string JobName = "retention";

    protected override string Name => JobName;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<RetentionOutcome> RunHereAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var answeredBefore = now - settings.KeepAnswered;
        var events = await DeleteInBatchesAsync(
            limit => store.DeleteFinishedEventsAsync(answeredBefore, now - settings.KeepDeadLetters, limit, cancellationToken), settings.BatchSize);
        var replies = await DeleteInBatchesAsync(
            limit => store.DeleteRepliesAsync(answeredBefore, limit, cancellationToken), settings.BatchSize);
        Log.RetentionRan(logger, events, replies, settings.KeepAnswered, settings.KeepDeadLetters);
        return new RetentionOutcome(time.GetUtcNow(), RetentionResult.Pruned, events, replies);
    }

    protected override RetentionOutcome HeldElsewhere() => new(time.GetUtcNow(), RetentionResult.HeldElsewhere);

    protected override RetentionOutcome Failed(string errorKind) => new(time.GetUtcNow(), RetentionResult.Failed, ErrorKind: errorKind);

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
