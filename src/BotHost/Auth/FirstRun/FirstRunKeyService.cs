using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Auth.FirstRun;

/// <summary>
/// On the embedded default (SQLite) with no key at all, mints an admin key and shows it once, so
/// `make run` needs no set-up. A PostgreSQL deployment gets its keys from the CLI instead: its stdout
/// usually flows into a log store, where a secret must not go. Runs after the migration service.
/// </summary>
internal sealed class FirstRunKeyService(
    IApiKeyStore store,
    IOptions<StorageOptions> storage,
    IFirstRunKeyWriter writer,
    ILogger<FirstRunKeyService> logger) : IHostedService
{
    public const string KeyName = "first-run admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        var created = await store.CreateFirstAsync(KeyName, [Scopes.Admin], cancellationToken);
        if (created is not null)
        {
            writer.Write(created);
            Log.FirstRunKeyCreated(logger, created.Info.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
