using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Scheduling;

internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Debug, "Job {Job} starting (fire {FireInstanceId})")]
    public static partial void JobStarting(ILogger logger, string job, string fireInstanceId);

    [LoggerMessage(5002, LogLevel.Information, "Job {Job} finished in {DurationMs:F0} ms; next fire {NextFireTime:O}")]
    public static partial void JobFinished(ILogger logger, string job, double durationMs, DateTimeOffset? nextFireTime);

    [LoggerMessage(5003, LogLevel.Error, "Job {Job} failed after {DurationMs:F0} ms; next fire {NextFireTime:O}")]
    public static partial void JobFailed(ILogger logger, Exception exception, string job, double durationMs, DateTimeOffset? nextFireTime);

    [LoggerMessage(5004, LogLevel.Information, "Job {Job} skipped: another process holds its run for this period")]
    public static partial void RunHeldElsewhere(ILogger logger, string job);

    [LoggerMessage(5010, LogLevel.Information, "GitHub redelivery sweep: {Listed} deliveries listed in the last {LookBack}, {Failed} failed, {Requested} redeliveries requested")]
    public static partial void RedeliverySwept(ILogger logger, int listed, TimeSpan lookBack, int failed, int requested);

    [LoggerMessage(5020, LogLevel.Information, "Retention: deleted {Events} finished inbox events and {Replies} reply-outbox rows (answered kept {KeepAnswered}, dead letters {KeepDeadLetters})")]
    public static partial void RetentionRan(ILogger logger, int events, int replies, TimeSpan keepAnswered, TimeSpan keepDeadLetters);
}
