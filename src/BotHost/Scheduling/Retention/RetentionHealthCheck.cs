using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>The retention schedule and last outcome in /health; degraded after a failed run, never a readiness matter.</summary>
internal sealed class RetentionHealthCheck(JobStatus<RetentionOutcome> status, IOptions<RetentionOptions> options) : IHealthCheck
{
    public const string Name = "retention";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy(
                "Not scheduled: Scheduling:Retention:Enabled is false; finished events are kept forever.", new Dictionary<string, object> { ["scheduled"] = false }));
        }

        var data = new Dictionary<string, object>
        {
            ["scheduled"] = true,
            ["keepAnsweredDays"] = settings.KeepAnswered.TotalDays,
            ["keepDeadLettersDays"] = settings.KeepDeadLetters.TotalDays,
        };
        if (status.Last is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No run has ended yet.", data));
        }

        data["lastRunAt"] = last.FinishedAt;
        data["lastResult"] = last.Result.ToString();
        data["eventsDeleted"] = last.EventsDeleted;
        data["repliesDeleted"] = last.RepliesDeleted;
        if (last.ErrorKind is { } error)
        {
            data["error"] = error;
            return Task.FromResult(HealthCheckResult.Degraded($"The last run failed ({error}).", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(last.Result == RetentionResult.HeldElsewhere
            ? "Another process ran in the last period."
            : $"Deleted {last.EventsDeleted} finished events and {last.RepliesDeleted} reply records.", data));
    }
}
