using ChatCouncil.Memory.Ingestion;
using ChatCouncil.Memory.Storage;

namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// Runs the re-embedding job once per start, in the background: after <c>Memory:EmbeddingModel</c> changes, documents
/// embedded by the previous model get new vectors while the bot already serves.
/// </summary>
internal sealed class MemoryReembeddingService(IServiceProvider services, IMemoryStore store, ILogger<MemoryReembeddingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var embeddings = MemoryServiceCollectionExtensions.Embeddings(services);
        var model = MemoryIngestor.ModelNameOf(embeddings);
        try
        {
            var count = await new MemoryReembedder(store, embeddings, model).RunAsync(stoppingToken);
            if (count > 0)
            {
                Log.Reembedded(logger, count, model);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // A broken or missing model must not take the bot down; the next start tries again.
            Log.ReembeddingFailed(logger, ex, model);
        }
    }
}
