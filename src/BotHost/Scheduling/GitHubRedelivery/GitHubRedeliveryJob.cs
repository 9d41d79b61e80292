using Quartz;

namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>The scheduler's adapter for <see cref="GitHubRedeliveryService"/>; one firing at a time per process.</summary>
[DisallowConcurrentExecution]
internal sealed class GitHubRedeliveryJob(GitHubRedeliveryService service) : IJob
{
    public static readonly JobKey Key = new(GitHubRedeliveryService.JobName, "connectors");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await service.RunAsync(cancellationToken);
}
