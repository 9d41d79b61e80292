namespace ChatCouncil.BotHost.Scheduling;

/// <summary>
/// A recurring job's work, run only where this process holds the period's lease (one process per period when several
/// share a database), with its outcome recorded in <see cref="JobStatus{TOutcome}"/>: the run's own, "held elsewhere",
/// or the kind of failure (then rethrown, for the job log). Derived services are thread-safe singletons.
/// </summary>
public abstract class LeasedJobService<TOutcome>(IJobRunLease lease, JobStatus<TOutcome> status, ILogger logger)
    where TOutcome : class
{
    /// <summary>The job's name, which is also its lease's.</summary>
    protected abstract string Name { get; }

    /// <summary>Time between runs; the lease lasts a little less.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <exception cref="Exception">What the work threw, after the failure is recorded.</exception>
    public async Task<TOutcome> RunAsync(CancellationToken cancellationToken)
    {
        TOutcome outcome;
        try
        {
            if (await lease.TryAcquireAsync(Name, JobRunLease.PeriodFor(Interval), cancellationToken))
            {
                outcome = await RunHereAsync(cancellationToken);
            }
            else
            {
                Log.RunHeldElsewhere(logger, Name);
                outcome = HeldElsewhere();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the kind: outcomes are shown on the public /health endpoint; the job log has the details.
            status.Record(Failed(ex.GetType().Name));
            throw;
        }

        status.Record(outcome);
        return outcome;
    }

    /// <summary>The work itself, once the lease is held.</summary>
    protected abstract Task<TOutcome> RunHereAsync(CancellationToken cancellationToken);

    protected abstract TOutcome HeldElsewhere();

    protected abstract TOutcome Failed(string errorKind);
}
