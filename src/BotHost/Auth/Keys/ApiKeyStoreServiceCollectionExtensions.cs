using ChatCouncil.BotHost.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Auth.Keys;

internal static class ApiKeyStoreServiceCollectionExtensions
{
    /// <summary>The key store on the configured storage provider; used by the web host and by the keys CLI.</summary>
    public static IServiceCollection AddApiKeyStore(this IServiceCollection services) =>
        services.AddProviderSingleton<IApiKeyStore, SqliteApiKeyStore, PostgresApiKeyStore>();
}
