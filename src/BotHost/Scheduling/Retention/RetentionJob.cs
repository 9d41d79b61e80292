using Quartz;

namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>The scheduler's adapter for <see cref="RetentionService"/>; one run at a time per process.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionService service) : IJob
{
    public static readonly JobKey Key = new(RetentionService.JobName, "storage");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await service.RunAsync(cancellationToken);
}
