using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;

namespace ChatCouncil.MemoryWorker;

/// <summary>
/// Searches the shared namespace until the stop file appears, failing on any error or any hit from elsewhere; then finds
/// every shared document by its vector alone, so the check reads this process's own index, kept up while others wrote.
/// </summary>
internal static class SearcherRole
{
    private static readonly LexicalEmbeddingGenerator Embedder = new();

    public static async Task<int> RunAsync(IMemoryStore store, WorkerOptions options)
    {
        var shared = WorkerDocuments.SharedNamespace(options.Run);
        var searches = 0;
        Console.WriteLine("searching");
        while (!File.Exists(options.StopFile))
        {
            foreach (var hit in await store.SearchAsync(shared, Query("kestrel sighting", 50), CancellationToken.None))
            {
                if (!hit.DocumentId.StartsWith('w') && !hit.DocumentId.StartsWith("tmp", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"A search of {shared} returned {hit.DocumentId}, which was written elsewhere.");
                }
            }

            searches++;
        }

        var missing = new List<string>();
        for (var writer = 0; writer < options.Writers; writer++)
        {
            for (var i = 0; i < options.Count; i++)
            {
                var id = WorkerDocuments.SharedId(writer, i);
                if (!await FindsAsync(store, shared, id, WorkerDocuments.SharedText(writer, i)))
                {
                    missing.Add(id);
                }
            }
        }

        Console.WriteLine($"searches {searches}, missing [{string.Join(' ', missing)}]");
        return missing.Count == 0 && searches > 0 ? 0 : 1;
    }

    /// <summary>Whether a vector-only search ranks the document first; an announcement in flight gets a few seconds.</summary>
    private static async Task<bool> FindsAsync(IMemoryStore store, Memory.Namespaces.MemoryNamespace ns, string id, string text)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var hits = await store.SearchAsync(ns, Query(text, 1, vectorOnly: true), CancellationToken.None);
            if (hits.Count == 1 && hits[0].DocumentId == id)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static MemoryQuery Query(string text, int limit, bool vectorOnly = false) =>
        new(vectorOnly ? string.Empty : text, Embedder.Embed(text), Limit: limit);
}
