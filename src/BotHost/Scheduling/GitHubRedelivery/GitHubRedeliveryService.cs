using ChatCouncil.Connectors.GitHub;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>
/// One sweep, if this process holds the period's lease: asks GitHub to redeliver the webhooks that failed within
/// the look-back window, logs the counts and records the outcome. Thread-safe singleton.
/// </summary>
public sealed class GitHubRedeliveryService(
    GitHubRedeliverySweep sweep,
    IJobRunLease lease,
    GitHubRedeliveryStatus status,
    IOptions<GitHubRedeliveryOptions> options,
    TimeProvider time,
    ILogger<GitHubRedeliveryService> logger)
{
    public const string JobName = "github-redelivery";

    /// <exception cref="Exception">What the sweep threw, after the failure is recorded.</exception>
    public async Task<GitHubRedeliveryOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        GitHubRedeliveryOutcome outcome;
        try
        {
            if (!await lease.TryAcquireAsync(JobName, JobRunLease.PeriodFor(settings.Interval), cancellationToken))
            {
                Log.RunHeldElsewhere(logger, JobName);
                outcome = new GitHubRedeliveryOutcome(time.GetUtcNow(), GitHubRedeliveryResult.HeldElsewhere);
            }
            else
            {
                var result = await sweep.RunOnceAsync(settings.LookBack, cancellationToken);
                Log.RedeliverySwept(logger, result.Listed, settings.LookBack, result.FailedDeliveries, result.Requested.Count);
                outcome = new GitHubRedeliveryOutcome(time.GetUtcNow(), GitHubRedeliveryResult.Swept, result.Listed, result.FailedDeliveries, result.Requested.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the kind: the outcome is shown on the public /health endpoint; the job log has the details.
            status.Record(new GitHubRedeliveryOutcome(time.GetUtcNow(), GitHubRedeliveryResult.Failed, ErrorKind: ex.GetType().Name));
            throw;
        }

        status.Record(outcome);
        return outcome;
    }
}
