using Quartz;

namespace ChatCouncil.BotHost.Scheduling;

/// <summary>One log line per firing of every job: its duration and next fire time, or the failure.</summary>
internal sealed class JobLogListener(ILogger<JobLogListener> logger) : IJobListener
{
    public string Name => nameof(JobLogListener);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Log.JobStarting(logger, context.JobDetail.Key.ToString(), context.FireInstanceId);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.ToString();
        var duration = context.JobRunTime.TotalMilliseconds;
        if (jobException is null)
        {
            Log.JobFinished(logger, job, duration, context.NextFireTimeUtc);
        }
        else
        {
            Log.JobFailed(logger, jobException.InnerException ?? jobException, job, duration, context.NextFireTimeUtc);
        }

        return ValueTask.CompletedTask;
    }
}
