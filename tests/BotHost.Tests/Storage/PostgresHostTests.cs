using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Storage;

/// <summary>The whole host on PostgreSQL: migrated at start, keys and history there, no first-run key on stdout.</summary>
public sealed class PostgresHostTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private readonly PostgresFactory _factory = new(database.ConnectionString);

    [Fact]
    public async Task HealthReady_Postgres_ReportsPostgresStorageAtTheCurrentSchema()
    {
        using var client = _factory.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative));

        var data = body.GetProperty("checks").GetProperty("storage").GetProperty("data");
        Assert.Equal("postgres", data.GetProperty("provider").GetString());
        Assert.Equal(MigrationCatalog.For(StorageProvider.Postgres)[^1].Version, data.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task Start_Postgres_ShowsNoFirstRunKeyAndAuthenticatesStoredKeys()
    {
        using var client = await _factory.CreateClientWithScopeAsync(Scopes.Chat);

        using var response = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Empty(_factory.FirstRunKeys.Keys);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task History_Postgres_IsStoredInPostgres()
    {
        var history = _factory.Services.GetRequiredService<IChatHistoryStore>();

        var conversation = await history.CreateConversationAsync("host on postgres", "test");

        Assert.Equal("PostgresChatHistoryStore", history.GetType().Name);
        Assert.Equal(conversation, await history.GetConversationAsync(conversation.Id));
    }

    public void Dispose() => _factory.Dispose();

    private sealed class PostgresFactory(string connectionString) : BotHostFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Storage:Provider"] = "postgres";
            settings["Storage:ConnectionString"] = connectionString;
        }
    }
}
