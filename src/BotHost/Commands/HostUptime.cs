namespace ChatCouncil.BotHost.Commands;

/// <summary>When this host started (its hosted services ran), for <c>/council status</c>. Thread-safe.</summary>
internal sealed class HostUptime(TimeProvider time) : IHostedService
{
    private long _startedAtTicks = time.GetUtcNow().UtcTicks;

    public DateTimeOffset StartedAt => new(Interlocked.Read(ref _startedAtTicks), TimeSpan.Zero);

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _startedAtTicks, time.GetUtcNow().UtcTicks);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
