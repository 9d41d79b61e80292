using System.Globalization;
using ChatCouncil.BotHost.Scheduling.GitHubRedelivery;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCouncil.BotHost.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The Quartz scheduler as a hosted service (in-memory store, jobs start once the host has started; on shutdown,
    /// running jobs are asked to stop through their token and waited for), a log line per firing, the run lease
    /// that keeps processes sharing PostgreSQL from running a job twice in one period, and the recurring jobs: the
    /// GitHub webhook redelivery sweep (section <c>Scheduling:GitHubRedelivery</c>), scheduled only when the GitHub
    /// connector runs as a GitHub App, and the retention run that deletes finished inbox events and reply records
    /// past their keep time (section <c>Scheduling:Retention</c>). Needs <c>AddStorage</c> and <c>AddConnectors</c>.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProviderSingleton<IJobRunLease, LocalJobRunLease, PostgresJobRunLease>();
        services.AddOptions<GitHubRedeliveryOptions>()
            .BindConfiguration(GitHubRedeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.LookBack > o.Interval, "Scheduling:GitHubRedelivery:LookBack must be longer than its Interval, or failures between sweeps are missed.")
            .ValidateOnStart();
        services.TryAddSingleton<JobStatus<GitHubRedeliveryOutcome>>();
        services.TryAddSingleton<GitHubRedeliveryService>();
        services.AddHealthChecks().AddCheck<GitHubRedeliveryHealthCheck>(GitHubRedeliveryHealthCheck.Name);
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddProviderSingleton<IRetentionStore, SqliteRetentionStore, PostgresRetentionStore>();
        services.TryAddSingleton<JobStatus<RetentionOutcome>>();
        services.TryAddSingleton<RetentionService>();
        services.AddHealthChecks().AddCheck<RetentionHealthCheck>(RetentionHealthCheck.Name);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            quartz.AddJobLogScope();
            quartz.AddJobListener<JobLogListener>();
            quartz.AddJob<GitHubRedeliveryJob>(job => job.WithIdentity(GitHubRedeliveryJob.Key));
            quartz.AddConfiguredTrigger<GitHubRedeliveryJob>(
                GitHubRedeliveryOptions.SectionName,
                (provider, _) => GitHubRedeliverySchedule.Read(provider),
                (provider, _, trigger) => trigger
                    .ForJob(GitHubRedeliveryJob.Key)
                    .WithIdentity(GitHubRedeliveryJob.Key.Name, GitHubRedeliveryJob.Key.Group)
                    .StartNow()
                    .WithSimpleSchedule(provider.GetRequiredService<IOptions<GitHubRedeliveryOptions>>().Value.Interval));
            quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key));
            quartz.AddConfiguredTrigger<RetentionJob>(
                RetentionOptions.SectionName,
                (provider, _) => provider.GetRequiredService<IOptions<RetentionOptions>>().Value is { Enabled: true } retention
                    ? retention.Interval.ToString("c", CultureInfo.InvariantCulture)
                    : "-",
                (provider, _, trigger) => trigger
                    .ForJob(RetentionJob.Key)
                    .WithIdentity(RetentionJob.Key.Name, RetentionJob.Key.Group)
                    .StartNow()
                    .WithSimpleSchedule(provider.GetRequiredService<IOptions<RetentionOptions>>().Value.Interval));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }
}
