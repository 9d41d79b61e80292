using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCouncil.BotHost.Scheduling;

/// <summary>
/// A recurring job's schedule and last outcome in /health: healthy while it is not scheduled, has not run yet, or its
/// last run succeeded (here or in another process); degraded after a failed run. Never a readiness matter.
/// </summary>
internal abstract class JobHealthCheck<TOutcome>(JobStatus<TOutcome> status) : IHealthCheck
    where TOutcome : class, IJobOutcome
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    /// <summary>Null when this process schedules the job, else why not.</summary>
    protected abstract string? WhyNotScheduled();

    /// <summary>Adds the schedule's settings to what /health shows.</summary>
    protected abstract void DescribeSchedule(IDictionary<string, object> data);

    /// <summary>Adds a run's counts to what /health shows; returns the sentence for a run that did the work here.</summary>
    protected abstract string DescribeRun(TOutcome outcome, IDictionary<string, object> data);

    private HealthCheckResult Check()
    {
        if (WhyNotScheduled() is { } reason)
        {
            return HealthCheckResult.Healthy($"Not scheduled: {reason}.", new Dictionary<string, object> { ["scheduled"] = false });
        }

        var data = new Dictionary<string, object> { ["scheduled"] = true };
        DescribeSchedule(data);
        if (status.Last is not { } last)
        {
            return HealthCheckResult.Healthy("No run has ended yet.", data);
        }

        data["lastRunAt"] = last.FinishedAt;
        data["lastResult"] = last.ResultName;
        if (last.ErrorKind is { } error)
        {
            data["error"] = error;
            return HealthCheckResult.Degraded($"The last run failed ({error}).", data: data);
        }

        var summary = DescribeRun(last, data);
        return HealthCheckResult.Healthy(last.RanElsewhere ? "Another process ran it in the last period." : summary, data);
    }
}
