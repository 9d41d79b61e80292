using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// Runs <see cref="InboxOptions.Workers"/> loops that claim events and answer them. Each process has its own
/// worker name, so on a shared PostgreSQL inbox a claim belongs to exactly one process.
/// </summary>
internal sealed class InboxWorker(
    IInboxStore store,
    InboxProcessor processor,
    InboxSignal signal,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxWorker> logger) : BackgroundService
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ProcessEvents)
        {
            return;
        }

        await store.ReleaseAllAsync(stoppingToken);
        Log.WorkersStarted(logger, Name, settings.Workers);
        await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(i => RunLoopAsync($"{Name}#{i}", settings, stoppingToken)));
    }

    private async Task RunLoopAsync(string worker, InboxOptions settings, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await store.ClaimAsync(worker, stoppingToken);
                if (claimed is null)
                {
                    await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
                    continue;
                }

                await processor.ProcessAsync(claimed, worker, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the claim, if any, comes back when its lease ends.
                Log.LoopFailed(logger, ex);
                await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
            }
        }
    }
}
