using Microsoft.Extensions.Hosting;

namespace ChatCouncil.BotHost.Storage.Migrations;

/// <summary>
/// Migrates at start. Hosted services start before the web server listens, so no request ever sees
/// an old schema, and a failed migration stops the process with its message.
/// </summary>
internal sealed class StorageMigrationService(IStorageMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
