using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Tests.Hosting;

namespace ChatCouncil.BotHost.Tests.Inference;

public sealed class ConversationEndpointsTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task Get_AfterAPrediction_ShowsBothTurnsWithUsage()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var answer = await (await chat.PostAsJsonAsync(new Uri("/predict", UriKind.Relative), new { prompt = "keep this", parameters = new { maxTokens = 5 } })).Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("conversationId").GetGuid();

        using var reader = await host.CreateClientWithScopeAsync(Scopes.Read);
        var transcript = await reader.GetFromJsonAsync<JsonElement>(new Uri($"/conversations/{id}", UriKind.Relative));
        var messages = transcript.GetProperty("messages");
        Assert.Equal("rest", transcript.GetProperty("conversation").GetProperty("source").GetString());
        Assert.Equal("user", messages[0].GetProperty("role").GetString());
        Assert.Equal("keep this", messages[0].GetProperty("content").GetString());
        Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
        Assert.Equal(5, messages[1].GetProperty("completionTokens").GetInt32());
        Assert.Equal("tiny", messages[1].GetProperty("modelId").GetString());

        var list = await reader.GetFromJsonAsync<JsonElement>(new Uri("/conversations?limit=500", UriKind.Relative));
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Get_Unknown_Is404_AndBadPaging_Is400()
    {
        using var reader = await host.CreateClientWithScopeAsync(Scopes.Read);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/conversations/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync(new Uri("/conversations?limit=0", UriKind.Relative))).StatusCode);
    }
}
