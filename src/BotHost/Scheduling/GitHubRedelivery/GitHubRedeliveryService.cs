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
    JobStatus<GitHubRedeliveryOutcome> status,
    IOptions<GitHubRedeliveryOptions> options,
    TimeProvider time,
    ILogger<GitHubRedeliveryService> logger)
    : LeasedJobService<GitHubRedeliveryOutcome>(lease, status, logger)
{
    public const string JobName = "github-redelivery";

    protected override string Name => JobName;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<GitHubRedeliveryOutcome> RunHereAsync(CancellationToken cancellationToken)
    {
        var lookBack = options.Value.LookBack;
        var result = await sweep.RunOnceAsync(lookBack, cancellationToken);
        Log.RedeliverySwept(logger, result.Listed, lookBack, result.FailedDeliveries, result.Requested.Count);
        return new GitHubRedeliveryOutcome(time.GetUtcNow(), GitHubRedeliveryResult.Swept, result.Listed, result.FailedDeliveries, result.Requested.Count);
    }

    protected override GitHubRedeliveryOutcome HeldElsewhere() => new(time.GetUtcNow(), GitHubRedeliveryResult.HeldElsewhere);

    protected override GitHubRedeliveryOutcome Failed(string errorKind) => new(time.GetUtcNow(), GitHubRedeliveryResult.Failed, ErrorKind: errorKind);
}
