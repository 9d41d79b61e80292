using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;

namespace ChatCouncil.BotHost.Tests.Memory;

public sealed class MemoryEndpointsTests(MemoryHostFactory host) : IClassFixture<MemoryHostFactory>
{
    [Fact]
    public async Task AddThenSearch_AgentMemory_FoundWithTagsAndOnlyInThatAgent()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var agent = NewId();
        var added = await chat.PostAsJsonAsync(Url($"/memory/{agent}"), new
        {
            text = "The staging database password rotates every Monday.",
            tags = new Dictionary<string, string> { ["platform"] = "slack", ["channel"] = "C042" },
            time = "2026-01-05T10:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await chat.PostAsJsonAsync(Url($"/memory/{NewId()}"), new { text = "The staging database password rotates every Monday." });

        var body = await chat.GetFromJsonAsync<JsonElement>(Url($"/memory/{agent}?q=staging+password+rotation&filter=platform%3Dslack"));

        var hit = Assert.Single(body.GetProperty("hits").EnumerateArray());
        Assert.Contains("rotates every Monday", hit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("C042", hit.GetProperty("tags").GetProperty("channel").GetString());
        Assert.Equal(1, hit.GetProperty("textRank").GetInt32());
        var empty = await chat.GetFromJsonAsync<JsonElement>(Url($"/memory/{agent}?q=staging&filter=platform%3Ddiscord"));
        Assert.Empty(empty.GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task List_AgentWithMemories_NewestFirst()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var agent = NewId();
        await chat.PostAsJsonAsync(Url($"/memory/{agent}"), new { text = "first", id = "m1" });
        await chat.PostAsJsonAsync(Url($"/memory/{agent}"), new { text = "second", id = "m2" });

        var body = await chat.GetFromJsonAsync<JsonElement>(Url($"/memory/{agent}"));

        var documents = body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, documents.Count);
        Assert.Equal($"agent:{agent}", body.GetProperty("namespace").GetString());
    }

    [Theory]
    [InlineData("/memory/nobody-{0}", HttpStatusCode.NotFound, "Unknown namespace")]
    [InlineData("/doc/conversation:none-{0}?q=x", HttpStatusCode.NotFound, "Unknown namespace")]
    [InlineData("/doc/team:{0}", HttpStatusCode.BadRequest, "Invalid namespace")]
    [InlineData("/memory/bad%20id{0}", HttpStatusCode.BadRequest, "Invalid agent id")]
    [InlineData("/doc/global/missing-{0}", HttpStatusCode.NotFound, "Unknown document")]
    public async Task Get_BadOrUnknownTarget_IsProblem(string path, HttpStatusCode status, string title)
    {
        using var read = await host.CreateClientWithScopeAsync(Scopes.Read);

        using var response = await read.GetAsync(Url(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, NewId())));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("platform", "not key=value")]
    [InlineData("after%3Dyesterday", "ISO 8601")]
    [InlineData("Platform%3Dslack", "lower-case")]
    public async Task Search_MalformedFilter_Is400WithReason(string filter, string reason)
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var agent = NewId();
        await chat.PostAsJsonAsync(Url($"/memory/{agent}"), new { text = "something" });

        using var response = await chat.GetAsync(Url($"/memory/{agent}?q=something&filter={filter}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Invalid filter", problem.GetProperty("title").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", "   \n  ", HttpStatusCode.BadRequest, "Empty document")]
    [InlineData("text/html", "<html><body><script>1</script></body></html>", HttpStatusCode.BadRequest, "Empty document")]
    [InlineData("application/pdf", "%PDF-1.7", HttpStatusCode.UnsupportedMediaType, "Unsupported content type")]
    [InlineData("application/json", "{broken", HttpStatusCode.BadRequest, "Invalid document")]
    public async Task Ingest_BadBody_IsProblem(string contentType, string body, HttpStatusCode status, string title)
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);

        using var response = await chat.PutAsync(Url($"/doc/global/bad-{NewId()}"), new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_OverLimit_Is413AndStoresNothing()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var ns = $"conversation:{NewId()}";
        var big = string.Join(' ', Enumerable.Repeat("word", MemoryHostFactory.MaxDocumentBytes));

        using var declared = await chat.PutAsync(Url($"/doc/{ns}/big"), new StringContent(big, Encoding.UTF8, "text/plain"));
        using var streamed = await chat.PutAsync(Url($"/doc/{ns}/big"), new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)))
        {
            Headers = { ContentType = new("text/plain") },
        });
        using var memory = await chat.PostAsJsonAsync(Url($"/memory/{NewId()}"), new { text = big });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, memory.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chat.GetAsync(Url($"/doc/{ns}/big"))).StatusCode);
    }

    [Fact]
    public async Task Ingest_SameDocumentTwice_ReplacesChunksThenDeleteRemovesIt()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        using var admin = await host.CreateClientWithScopeAsync(Scopes.Admin);
        var ns = $"agent:{NewId()}";
        var first = await chat.PutAsync(Url($"/doc/{ns}/guide?title=Guide&link=https%3A%2F%2Fwiki%2Fguide&platform=notion&tag=team%3Dops"),
            new StringContent("# Guide\n\nThe ocelot service restarts nightly.", Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await chat.PutAsync(Url($"/doc/{ns}/guide"), new StringContent("<p>The lynx service restarts weekly.</p>", Encoding.UTF8, "text/html"));
        var document = await chat.GetFromJsonAsync<JsonElement>(Url($"/doc/{ns}/guide"));
        var search = await chat.GetFromJsonAsync<JsonElement>(Url($"/doc/{ns}?q=ocelot&minRelevance=0.5"));

        Assert.Equal("text/html", document.GetProperty("contentType").GetString());
        Assert.Equal("The lynx service restarts weekly.", Assert.Single(document.GetProperty("chunks").EnumerateArray()).GetString());
        Assert.Empty(search.GetProperty("hits").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.DeleteAsync(Url($"/doc/{ns}/guide"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Url($"/doc/{ns}/guide"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"/doc/{ns}/guide"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"/doc/{ns}/guide"))).StatusCode);
    }

    [Fact]
    public async Task Ingest_TagsFromQuery_AreStoredAndFilterable()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var ns = $"agent:{NewId()}";

        var created = await chat.PostAsync(Url($"/doc/{ns}?title=Notes&platform=notion&author=ada&time=2026-01-02T03%3A04%3A05Z&tag=team%3Dops"),
            new StringContent("Weekly ops notes.", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ops", document.GetProperty("tags").GetProperty("team").GetString());
        Assert.Equal("ada", document.GetProperty("tags").GetProperty("author").GetString());
        var listed = await chat.GetFromJsonAsync<JsonElement>(Url($"/doc/{ns}?filter=team%3Dops,after%3D2026-01-01T00:00:00Z"));
        Assert.Equal(document.GetProperty("id").GetString(), Assert.Single(listed.GetProperty("documents").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PostAsync(Url($"/doc/{ns}?tag=noequals"), new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Fact]
    public async Task Ask_AgentMemories_AnswersWithCitationOfTheSourceDocument()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var agent = NewId();
        await chat.PostAsJsonAsync(Url($"/memory/{agent}"), new
        {
            id = "runbook",
            text = "If the billing worker hangs, restart it with svc restart billing.",
            title = "Billing runbook",
            link = "https://wiki/billing",
        });
        await chat.PostAsJsonAsync(Url($"/memory/{agent}"), new { id = "menu", text = "Soup is served on Fridays." });

        var response = await chat.PostAsJsonAsync(Url($"/memory/{agent}/ask"), new { question = "how do I fix a hung billing worker?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Restart the worker [1].", answer.GetProperty("answer").GetString());
        var citation = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.Equal("runbook", citation.GetProperty("documentId").GetString());
        Assert.Equal("https://wiki/billing", citation.GetProperty("link").GetString());
        Assert.Equal(0, citation.GetProperty("chunkIndex").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PostAsJsonAsync(Url($"/memory/{agent}/ask"), new { question = " " })).StatusCode);
    }

    [Fact]
    public async Task Promote_SameTime_ConfiguredPriorityDecides()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var key = "policy-" + NewId();
        await chat.PostAsJsonAsync(Url("/memory/boss"), new { id = key, text = "boss says ship on tuesday", time = "2026-04-01T09:00:00Z" });
        var intern = "intern-" + NewId();
        await chat.PostAsJsonAsync(Url($"/memory/{intern}"), new { id = "m", text = "intern says ship on friday", time = "2026-04-01T09:00:00Z" });

        var boss = await (await chat.PostAsJsonAsync(Url($"/memory/boss/{key}/promote"), new { })).Content.ReadFromJsonAsync<JsonElement>();
        var lost = await (await chat.PostAsJsonAsync(Url($"/memory/{intern}/m/promote"), new { key })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(boss.GetProperty("promoted").GetBoolean());
        Assert.False(lost.GetProperty("promoted").GetBoolean());
        Assert.Equal("boss", lost.GetProperty("holder").GetProperty("tags").GetProperty("promoted-by").GetString());
        var global = await chat.GetFromJsonAsync<JsonElement>(Url($"/doc/global/{key}"));
        Assert.Equal("boss says ship on tuesday", global.GetProperty("chunks")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await chat.PostAsJsonAsync(Url($"/memory/{intern}/nope/promote"), new { })).StatusCode);
    }

    [Fact]
    public async Task Snapshot_ExportThenImportElsewhere_RoundTrips()
    {
        using var admin = await host.CreateClientWithScopeAsync(Scopes.Admin);
        var (source, target) = ($"agent:{NewId()}", $"conversation:{NewId()}");
        await admin.PutAsync(Url($"/doc/{source}/one?platform=slack"), new StringContent("The otter audit is due in June.", Encoding.UTF8, "text/plain"));

        using var export = await admin.GetAsync(Url($"/snapshot/{source}"));
        var jsonl = await export.Content.ReadAsStringAsync();
        using var import = await admin.PutAsync(Url($"/snapshot/{target}"), new StringContent(jsonl, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var hits = await admin.GetFromJsonAsync<JsonElement>(Url($"/doc/{target}?q=otter+audit&filter=platform%3Dslack"));
        Assert.Equal("one", hits.GetProperty("hits")[0].GetProperty("documentId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync(Url($"/snapshot/{target}"), new StringContent("not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"/snapshot/agent:{NewId()}"))).StatusCode);
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.GetAsync(Url($"/snapshot/{source}"))).StatusCode);
    }

    [Fact]
    public async Task Value_SetGetDelete_RoundTripsJsonWithExpiry()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var path = $"/kv/conversation:{NewId()}/summary";

        var set = await chat.PutAsJsonAsync(Url(path + "?ttlSeconds=3600"), new { text = "deploy frozen", turns = 12 });
        var got = await chat.GetFromJsonAsync<JsonElement>(Url(path));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("deploy frozen", got.GetProperty("value").GetProperty("text").GetString());
        Assert.Equal(12, got.GetProperty("value").GetProperty("turns").GetInt32());
        var expires = got.GetProperty("expiresAt").GetDateTimeOffset() - got.GetProperty("updatedAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), expires);
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PutAsJsonAsync(Url(path + "?ttlSeconds=0"), 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await chat.DeleteAsync(Url(path))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chat.GetAsync(Url(path))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.GetAsync(Url("/kv/nope:x/summary"))).StatusCode);
    }

    [Fact]
    public async Task Embedding_Texts_LexicalUnitVectors()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);

        var body = await (await chat.PostAsJsonAsync(Url("/embedding"), new { input = new[] { "hello world", "hello world" } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("lexical-v1", body.GetProperty("model").GetString());
        Assert.Equal(384, body.GetProperty("dimensions").GetInt32());
        var vectors = body.GetProperty("embeddings").EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetSingle()).ToArray()).ToList();
        Assert.Equal(vectors[0], vectors[1]);
        Assert.Equal(1.0, Math.Sqrt(vectors[0].Sum(x => (double)x * x)), 3);
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PostAsJsonAsync(Url("/embedding"), new { input = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task Routes_WithoutKeyOrScope_Are401And403()
    {
        using var anonymous = host.CreateClient();
        using var read = await host.CreateClientWithScopeAsync(Scopes.Read);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url("/memory/x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await read.PostAsJsonAsync(Url("/memory/x"), new { text = "t" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await read.PutAsync(Url("/doc/global/x"), new StringContent("t"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await read.PostAsJsonAsync(Url("/embedding"), new { input = new[] { "t" } })).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheMemoryRoutes()
    {
        using var client = host.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>(Url("/openapi/v1.json"))).GetProperty("paths");

        foreach (var path in new[] { "/memory/{agentId}", "/memory/{agentId}/ask", "/doc/{namespace}", "/doc/{namespace}/{documentId}", "/embedding", "/kv/{namespace}/{key}", "/snapshot/{namespace}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var put = paths.GetProperty("/doc/{namespace}/{documentId}").GetProperty("put");
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/markdown", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("415", out _));
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
