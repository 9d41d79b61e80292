using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Storage;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Memory;

/// <summary>Memory follows Storage:Provider: with postgres, its schema and documents are in PostgreSQL.</summary>
public sealed class PostgresMemoryEndpointsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private readonly MemoryHostFactory _factory = CreateFactory(database.ConnectionString);

    [Fact]
    public async Task IngestSearchAskDelete_OnPostgres_RoundTrips()
    {
        using var chat = await _factory.CreateClientWithScopeAsync(Scopes.Chat);
        using var admin = await _factory.CreateClientWithScopeAsync(Scopes.Admin);

        var put = await chat.PutAsync(new Uri("/doc/global/ops", UriKind.Relative),
            new StringContent("[{\"author\":\"ada\",\"text\":\"restart the ingest worker when the queue stalls\"}]", Encoding.UTF8, "application/vnd.chatcouncil.transcript+json"));
        var search = await chat.GetFromJsonAsync<JsonElement>(new Uri("/doc/global?q=queue+stalls", UriKind.Relative));
        var ask = await (await chat.PostAsJsonAsync(new Uri("/doc/global/ask", UriKind.Relative), new { question = "what to do when the queue stalls?" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("PostgresMemoryStore", _factory.Services.GetRequiredService<IMemoryStore>().GetType().Name);
        Assert.Equal("ada: restart the ingest worker when the queue stalls", search.GetProperty("hits")[0].GetProperty("text").GetString());
        Assert.Equal("ops", Assert.Single(ask.GetProperty("citations").EnumerateArray()).GetProperty("documentId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("/doc/global/ops", UriKind.Relative))).StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static MemoryHostFactory CreateFactory(string connectionString)
    {
        var factory = new MemoryHostFactory();
        factory.Settings["Storage:Provider"] = "postgres";
        factory.Settings["Storage:ConnectionString"] = connectionString;
        return factory;
    }
}
