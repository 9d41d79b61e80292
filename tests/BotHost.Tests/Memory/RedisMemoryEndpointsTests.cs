using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Invalidation;
using ChatCouncil.TestSupport.Postgres;
using ChatCouncil.TestSupport.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Memory;

/// <summary>
/// Two hosts on one PostgreSQL database with <c>Memory:Redis</c> set: a memory added through one is found by the
/// other's vector index as soon as the announcement arrives, with no periodic verification to help it.
/// </summary>
public sealed class RedisMemoryEndpointsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private readonly string _channel = RedisTestServer.NewChannel();
    private readonly List<MemoryHostFactory> _factories = [];

    [Fact]
    public async Task AddMemory_ThroughOneHost_IsFoundByTheOthersVectorIndexAfterTheAnnouncement()
    {
        var (writerHost, readerHost) = (CreateFactory(), CreateFactory());
        using var writer = await writerHost.CreateClientWithScopeAsync(Scopes.Chat);
        using var reader = await readerHost.CreateClientWithScopeAsync(Scopes.Read);
        var announcements = readerHost.Services.GetRequiredService<RedisIndexInvalidation>();

        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync(new Uri("/memory/birder", UriKind.Relative),
            new { id = "first", text = "pelicans nesting on the north shore" })).StatusCode);
        Assert.Single((await SearchAsync(reader)).EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync(new Uri("/memory/birder", UriKind.Relative),
            new { id = "second", text = "pelicans nesting on the south shore" })).StatusCode);
        // The channel is this test's own: its two announcements are those of the two writes.
        for (var i = 0; i < 200 && announcements.Received < 2; i++)
        {
            await Task.Delay(50);
        }

        // "pelican nest" is no word of either memory, so full text finds neither: both come from the vector index.
        var hits = (await SearchAsync(reader)).EnumerateArray().ToList();
        Assert.Equal(2, announcements.Received);
        Assert.Equal(["first", "second"], hits.Select(h => h.GetProperty("documentId").GetString()).Order());
        Assert.All(hits, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("textRank").ValueKind));
    }

    public void Dispose() => _factories.ForEach(f => f.Dispose());

    private static async Task<JsonElement> SearchAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/memory/birder?q=pelican+nest&minRelevance=0", UriKind.Relative))).GetProperty("hits");

    private MemoryHostFactory CreateFactory()
    {
        var factory = new MemoryHostFactory();
        factory.Settings["Storage:Provider"] = "postgres";
        factory.Settings["Storage:ConnectionString"] = database.ConnectionString;
        factory.Settings["Memory:Redis"] = RedisTestServer.Configuration;
        factory.Settings["Memory:RedisChannel"] = _channel;
        factory.Settings["Memory:IndexVerifyInterval"] = "1.00:00:00";
        _factories.Add(factory);
        return factory;
    }
}
