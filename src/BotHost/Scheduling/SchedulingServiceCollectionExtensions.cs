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
        services.TryAddSingleton(typeof(JobStatus<>));
        services.AddOptions<GitHubRedeliveryOptions>()
            .BindConfiguration(GitHubRedeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.LookBack > o.Interval, "Scheduling:GitHubRedelivery:LookBack must be longer than its Interval, or failures between sweeps are missed.")
            .ValidateOnStart();
        services.TryAddSingleton<GitHubRedeliveryService>();
        services.AddHealthChecks().AddCheck<GitHubRedeliveryHealthCheck>(GitHubRedeliveryHealthCheck.Name);
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddProviderSingleton<IRetentionStore, SqliteRetentionStore, PostgresRetentionStore>();
        services.TryAddSingleton<RetentionService>();
        services.AddHealthChecks().AddCheck<RetentionHealthCheck>(RetentionHealthCheck.Name);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            quartz.AddJobLogScope();
            quartz.AddJobListener<JobLogListener>();
            quartz.AddRecurringJob<GitHubRedeliveryJob>(
                GitHubRedeliveryJob.Key,
                GitHubRedeliveryOptions.SectionName,
                provider => provider.GetRequiredService<IOptions<GitHubRedeliveryOptions>>().Value.Interval,
                provider => GitHubRedeliverySchedule.WhyNotScheduled(provider) is null);
            quartz.AddRecurringJob<RetentionJob>(
                RetentionJob.Key,
                RetentionOptions.SectionName,
                provider => provider.GetRequiredService<IOptions<RetentionOptions>>().Value.Interval,
                provider => provider.GetRequiredService<IOptions<RetentionOptions>>().Value.Enabled);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>
    /// A job that fires as the host starts and then every <paramref name="interval"/>, where <paramref name="scheduled"/>
    /// says so (read once, as the scheduler is built; otherwise its trigger is switched off).
    /// </summary>
    private static void AddRecurringJob<TJob>(
        this IQuartzBuilder quartz,
        JobKey key,
        string configurationKey,
        Func<IServiceProvider, TimeSpan> interval,
        Func<IServiceProvider, bool> scheduled)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddConfiguredTrigger<TJob>(
            configurationKey,
            (provider, _) => scheduled(provider) ? interval(provider).ToString("c", CultureInfo.InvariantCulture) : "-",
            (provider, _, trigger) => trigger
                .ForJob(key)
                .WithIdentity(key.Name, key.Group)
                .StartNow()
                .WithSimpleSchedule(interval(provider)));
    }
}
