using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Storage;

internal static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton whose implementation follows <see cref="StorageOptions.Provider"/>. The choice
    /// is made when the service is first resolved, after all configuration sources (tests' too) are in.
    /// </summary>
    public static IServiceCollection AddProviderSingleton<TService, TSqlite, TPostgres>(this IServiceCollection services)
        where TService : class
        where TSqlite : TService
        where TPostgres : TService
    {
        return services.AddSingleton<TService>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Postgres => ActivatorUtilities.CreateInstance<TPostgres>(sp),
            _ => ActivatorUtilities.CreateInstance<TSqlite>(sp),
        });
    }
}
