using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>
/// The sweep's schedule and last outcome in /health. Degraded after a failed sweep (GitHub unreachable, App
/// credentials refused), never a reason to take the host out of readiness.
/// </summary>
internal sealed class GitHubRedeliveryHealthCheck(IServiceProvider services, JobStatus<GitHubRedeliveryOutcome> status, IOptions<GitHubRedeliveryOptions> options) : IHealthCheck
{
    public const string Name = "githubRedelivery";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (GitHubRedeliverySchedule.WhyNotScheduled(services) is { } reason)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Not scheduled: {reason}.", new Dictionary<string, object> { ["scheduled"] = false }));
        }

        var data = new Dictionary<string, object>
        {
            ["scheduled"] = true,
            ["interval"] = options.Value.Interval.ToString("c", CultureInfo.InvariantCulture),
        };
        if (status.Last is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No sweep has ended yet.", data));
        }

        data["lastSweepAt"] = last.FinishedAt;
        data["lastResult"] = last.Result.ToString();
        data["listed"] = last.Listed;
        data["failedDeliveries"] = last.FailedDeliveries;
        data["redeliveriesRequested"] = last.Requested;
        if (last.ErrorKind is { } error)
        {
            data["error"] = error;
            return Task.FromResult(HealthCheckResult.Degraded($"The last sweep failed ({error}).", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(last.Result == GitHubRedeliveryResult.HeldElsewhere
            ? "Another process swept in the last period."
            : $"Asked for {last.Requested} redeliveries of {last.FailedDeliveries} failed deliveries.", data));
    }
}
