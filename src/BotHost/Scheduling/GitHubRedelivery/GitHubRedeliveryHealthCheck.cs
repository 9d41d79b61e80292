using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>The sweep in /health; degraded after a failed sweep (GitHub unreachable, App credentials refused).</summary>
internal sealed class GitHubRedeliveryHealthCheck(IServiceProvider services, JobStatus<GitHubRedeliveryOutcome> status, IOptions<GitHubRedeliveryOptions> options)
    : JobHealthCheck<GitHubRedeliveryOutcome>(status)
{
    public const string Name = "githubRedelivery";

    protected override string? WhyNotScheduled() => GitHubRedeliverySchedule.WhyNotScheduled(services);

    protected override void DescribeSchedule(IDictionary<string, object> data) =>
        data["interval"] = options.Value.Interval.ToString("c", CultureInfo.InvariantCulture);

    protected override string DescribeRun(GitHubRedeliveryOutcome outcome, IDictionary<string, object> data)
    {
        data["listed"] = outcome.Listed;
        data["failedDeliveries"] = outcome.FailedDeliveries;
        data["redeliveriesRequested"] = outcome.Requested;
        return $"Asked for {outcome.Requested} redeliveries of {outcome.FailedDeliveries} failed deliveries.";
    }
}
