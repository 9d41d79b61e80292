using System.Net.Http.Headers;
using ChatCouncil.BotHost.Auth.FirstRun;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.TestSupport.Files;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Tests.Hosting;

/// <summary>
/// The real host on a temporary SQLite file of its own, configured through in-memory settings only.
/// Logs go to <see cref="Logs"/> (not the console) and the first-run key to <see cref="FirstRunKeys"/>.
/// Subclasses change settings in <see cref="ConfigureSettings"/>.
/// </summary>
public class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    public LogCapture Logs { get; } = new();

    public CapturingFirstRunKeyWriter FirstRunKeys { get; } = new();

    public string SqlitePath => _directory.File("chatcouncil.db");

    /// <summary>Where the built-in tiny model is generated once for every host in the test run.</summary>
    public static string SharedModelDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatcouncil-tests", "models");

    /// <summary>A key minted through the real key store, e.g. for a WebSocket client.</summary>
    public Task<CreatedApiKey> CreateKeyAsync(params string[] scopes) =>
        Services.GetRequiredService<IApiKeyStore>().CreateAsync($"test {string.Join('+', scopes)}", scopes);

    /// <summary>A client that sends a freshly minted key with <paramref name="scope"/> as its bearer token.</summary>
    public async Task<HttpClient> CreateClientWithScopeAsync(string scope)
    {
        var key = await CreateKeyAsync(scope);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        return client;
    }

    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = SqlitePath,
            ["Inference:ModelDirectory"] = SharedModelDirectory,
            ["Inference:Backend"] = "cpu",
        };
        ConfigureSettings(settings);

        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton<IFirstRunKeyWriter>(FirstRunKeys));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
