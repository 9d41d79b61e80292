using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>Retention in /health: its keep times and what the last run deleted.</summary>
internal sealed class RetentionHealthCheck(JobStatus<RetentionOutcome> status, IOptions<RetentionOptions> options)
    : JobHealthCheck<RetentionOutcome>(status)
{
    public const string Name = "retention";

    protected override string? WhyNotScheduled() =>
        options.Value.Enabled ? null : "Scheduling:Retention:Enabled is false; finished events are kept forever";

    protected override void DescribeSchedule(IDictionary<string, object> data)
    {
        data["keepAnsweredDays"] = options.Value.KeepAnswered.TotalDays;
        data["keepDeadLettersDays"] = options.Value.KeepDeadLetters.TotalDays;
    }

    protected override string DescribeRun(RetentionOutcome outcome, IDictionary<string, object> data)
    {
        data["eventsDeleted"] = outcome.EventsDeleted;
        data["repliesDeleted"] = outcome.RepliesDeleted;
        return $"Deleted {outcome.EventsDeleted} finished events and {outcome.RepliesDeleted} reply records.";
    }
}
