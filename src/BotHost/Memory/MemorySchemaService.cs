using ChatCouncil.Memory.Storage;

namespace ChatCouncil.BotHost.Memory;

/// <summary>Creates or upgrades memory's tables at start, after the host's own migrations and before the server listens.</summary>
internal sealed class MemorySchemaService(IMemoryStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
