using ChatCouncil.BotHost.Health;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The bot's database (section <c>Storage</c>): options validated at start, schema migrated before the
    /// server listens, <see cref="IChatHistoryStore"/>, and a <c>storage</c> readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteDatabase(Path.Combine(root, options.SqlitePath), options.SqliteSynchronous);
        });
        services.TryAddSingleton(sp =>
            NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));

        services.AddProviderSingleton<IStorageMigrator, SqliteMigrator, PostgresMigrator>();
        services.AddProviderSingleton<IChatHistoryStore, SqliteChatHistoryStore, PostgresChatHistoryStore>();
        services.AddHostedService<StorageMigrationService>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthTags.Ready]);
        return builder;
    }
}
