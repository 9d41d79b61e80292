using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Inference;

public sealed class PredictEndpointsTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    private static readonly Uri Predict = new("/predict", UriKind.Relative);

    [Fact]
    public async Task Predict_Prompt_AnswersWithUsageAndStoresTheTurn()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsJsonAsync(Predict, new { prompt = "hello council", parameters = new { maxTokens = 12, temperature = 0 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("tiny", body.GetProperty("model").GetString());
        Assert.Equal("length", body.GetProperty("finishReason").GetString());
        Assert.Equal(12, body.GetProperty("usage").GetProperty("completionTokens").GetInt32());
        Assert.True(body.GetProperty("usage").GetProperty("promptTokens").GetInt32() > 10);

        var conversationId = body.GetProperty("conversationId").GetGuid();
        var stored = await host.Services.GetRequiredService<IChatHistoryStore>().ListMessagesAsync(conversationId);
        Assert.Equal([MessageRole.User, MessageRole.Assistant], stored.Select(m => m.Role));
        Assert.Equal(body.GetProperty("text").GetString(), stored[1].Content);
        Assert.Equal(12, stored[1].CompletionTokens);
        Assert.Equal("tiny", stored[1].ModelId);
    }

    [Fact]
    public async Task Predict_FollowUpInSameConversation_SendsHistoryAndReusesTheCache()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var first = await (await client.PostAsJsonAsync(Predict, new { prompt = "first question, a long one to cache", parameters = new { maxTokens = 8, temperature = 0 } })).Content.ReadFromJsonAsync<JsonElement>();
        var id = first.GetProperty("conversationId").GetGuid();

        var second = await (await client.PostAsJsonAsync(Predict, new { prompt = "second", conversationId = id, parameters = new { maxTokens = 8, temperature = 0 } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(id, second.GetProperty("conversationId").GetGuid());
        var usage = second.GetProperty("usage");
        Assert.True(usage.GetProperty("promptTokens").GetInt32() > first.GetProperty("usage").GetProperty("promptTokens").GetInt32());
        Assert.True(usage.GetProperty("cachedPromptTokens").GetInt32() >= first.GetProperty("usage").GetProperty("promptTokens").GetInt32() - 1);
        Assert.Equal(4, (await host.Services.GetRequiredService<IChatHistoryStore>().ListMessagesAsync(id)).Count);
    }

    [Fact]
    public async Task Predict_Stream_SendsTokenEventsThenDone()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        using var request = new HttpRequestMessage(HttpMethod.Post, Predict) { Content = JsonContent.Create(new { prompt = "stream it", stream = true, parameters = new { maxTokens = 6 } }) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var tokens = events.Where(e => e.StartsWith("event: token", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, tokens.Length);
        Assert.StartsWith("event: done", events[^1], StringComparison.Ordinal);
        var done = JsonDocument.Parse(events[^1].Split("data: ")[1]).RootElement;
        var streamed = string.Concat(tokens.Select(t => JsonDocument.Parse(t.Split("data: ")[1]).RootElement.GetProperty("text").GetString()));
        Assert.Equal(done.GetProperty("text").GetString(), streamed);
    }

    [Fact]
    public async Task Predict_JsonSchema_AnswerParsesAndFits()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"action":{"enum":["approve","reject"]},"reason":{"type":"string","maxLength":20}},"required":["action","reason"]}""").RootElement;
        var body = await (await client.PostAsJsonAsync(Predict, new { prompt = "decide", parameters = new { maxTokens = 200, temperature = 1.0, seed = 3, jsonSchema = schema } })).Content.ReadFromJsonAsync<JsonElement>();

        var answer = JsonDocument.Parse(body.GetProperty("text").GetString()!).RootElement;
        Assert.Contains(answer.GetProperty("action").GetString(), new[] { "approve", "reject" });
        Assert.True(answer.GetProperty("reason").GetString()!.Length <= 20);
    }

    [Theory]
    [InlineData("""{"prompt":""}""", "prompt is required")]
    [InlineData("""{"prompt":"x","parameters":{"maxTokens":0}}""", "maxTokens")]
    [InlineData("""{"prompt":"x","parameters":{"temperature":-1}}""", "temperature")]
    [InlineData("""{"prompt":"x","parameters":{"grammar":"root ::= [oops"}}""", "grammar")]
    [InlineData("""{"prompt":"x","parameters":{"jsonSchema":{"type":"string","pattern":"^a"}}}""", "pattern")]
    public async Task Predict_BadParameters_Is400WithReason(string json, string reason)
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsync(Predict, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Predict_MalformedJson_Is400()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsync(Predict, new StringContent("{\"prompt\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Predict_PromptLongerThanContext_Is400AndNamesTheLimit()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsJsonAsync(Predict, new { prompt = new string('y', 5000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ContextLength", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_HistoryLongerThanContext_StillAnswersAndKeepsTheFullHistory()
    {
        var store = host.Services.GetRequiredService<IChatHistoryStore>();
        var conversation = await store.CreateConversationAsync("long", "rest");
        for (var i = 0; i < 6; i++)
        {
            await store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.User, $"turn {i} " + new string('z', 600)));
            await store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.Assistant, new string('q', 100)));
        }

        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsJsonAsync(Predict, new { prompt = "still there?", conversationId = conversation.Id, parameters = new { maxTokens = 4 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(body.GetProperty("usage").GetProperty("promptTokens").GetInt32(), 10, 2047);
        Assert.Equal(14, (await store.ListMessagesAsync(conversation.Id)).Count);
    }

    [Fact]
    public async Task Predict_UnknownModel_Is404()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsJsonAsync(Predict, new { prompt = "x", model = "gpt-9" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Predict_UnknownConversation_Is404()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsJsonAsync(Predict, new { prompt = "x", conversationId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Predict_ReadOnlyKey_Is403()
    {
        using var client = await host.CreateClientWithScopeAsync(Scopes.Read);
        var response = await client.PostAsJsonAsync(Predict, new { prompt = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
