using ChatCouncil.BotHost.Storage;
using ChatCouncil.Memory.Ask;
using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Extraction;
using ChatCouncil.Memory.Ingestion;
using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Snapshots;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Postgres;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.Memory.Sync;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Memory;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>The key of the embedding generator memory uses (lexical, or the model in <c>Memory:EmbeddingModel</c>).</summary>
    public const string EmbeddingKey = "memory";

    /// <summary>
    /// Memory (section <c>Memory</c>): the store in the host's database (<c>Storage:Provider</c>), its schema created at
    /// start, ingestion, hybrid search and Ask. Needs <c>AddStorage()</c> and, for Ask, <c>AddModels()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMemory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MemoryOptions>().BindConfiguration(MemoryOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.OverlapTokens < o.ChunkTokens, "Memory:OverlapTokens must be smaller than Memory:ChunkTokens.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.EmbeddingModel), "Memory:EmbeddingModel is empty; use 'lexical' or a model id.")
            .ValidateOnStart();

        // Resolved (and so connected) only when Memory:Redis is set.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MemoryOptions>>().Value;
            return RedisIndexInvalidation.Connect(options.Redis!, options.RedisChannel, sp.GetRequiredService<ILogger<RedisIndexInvalidation>>());
        });
        services.AddSingleton<IMemoryStore>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var options = sp.GetRequiredService<IOptions<MemoryOptions>>().Value;
            IIndexInvalidation? invalidation = string.IsNullOrWhiteSpace(options.Redis) ? null : sp.GetRequiredService<RedisIndexInvalidation>();
            var verify = options.IndexVerifyInterval;
            return sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
            {
                StorageProvider.Postgres => new PostgresMemoryStore(sp.GetRequiredService<NpgsqlDataSource>(), time, invalidation) { VerifyInterval = verify },
                _ => new SqliteMemoryStore(sp.GetRequiredService<SqliteDatabase>().ConnectionString, time, invalidation) { VerifyInterval = verify },
            };
        });
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingKey, (sp, _) =>
        {
            var model = sp.GetRequiredService<IOptions<MemoryOptions>>().Value.EmbeddingModel;
            return string.Equals(model, MemoryOptions.LexicalModel, StringComparison.OrdinalIgnoreCase)
                ? new LexicalEmbeddingGenerator()
                : new ModelEmbeddingGenerator(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), model);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MemoryOptions>>().Value;
            return new MemoryIngestor(sp.GetRequiredService<IMemoryStore>(), Embeddings(sp), ContentExtractors.Default,
                new ChunkingOptions { ChunkTokens = options.ChunkTokens, OverlapTokens = options.OverlapTokens }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new MemorySearcher(sp.GetRequiredService<IMemoryStore>(), Embeddings(sp)));
        services.AddSingleton(sp => new MemoryAsker(sp.GetRequiredService<MemorySearcher>(), sp.GetRequiredService<IChatClient>()));
        services.AddSingleton(sp => new MemoryPromoter(sp.GetRequiredService<IMemoryStore>()));
        services.AddSingleton(sp => new MemorySnapshots(sp.GetRequiredService<IMemoryStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<MemorySchemaService>();
        services.AddHostedService<MemoryReembeddingService>();
        return builder;
    }

    internal static IEmbeddingGenerator<string, Embedding<float>> Embeddings(IServiceProvider services) =>
        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingKey);
}
