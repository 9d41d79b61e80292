using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.History;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Memory;

public sealed class ContextEndpointsTests(MemoryHostFactory host) : IClassFixture<MemoryHostFactory>
{
    [Fact]
    public async Task Get_Conversation_AssemblesTurnsSummaryAndRelevantMemories()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var history = host.Services.GetRequiredService<IChatHistoryStore>();
        var conversation = await history.CreateConversationAsync("deploy chat", "test");
        foreach (var (role, text) in new[] { (MessageRole.User, "hello"), (MessageRole.Assistant, "hi"), (MessageRole.User, "when is the kiwi deploy freeze?") })
        {
            await history.AppendMessageAsync(conversation.Id, new NewHistoryMessage(role, text));
        }

        var agent = "ctx-" + Guid.NewGuid().ToString("N")[..8];
        var other = "ctx-" + Guid.NewGuid().ToString("N")[..8];
        await chat.PutAsJsonAsync(new Uri($"/kv/conversation:{conversation.Id}/summary", UriKind.Relative), new { text = "user asks about the freeze" });
        await chat.PostAsJsonAsync(new Uri($"/memory/{agent}", UriKind.Relative), new { id = "freeze", text = "The kiwi deploy freeze starts on Friday." });
        await chat.PostAsJsonAsync(new Uri($"/memory/{other}", UriKind.Relative), new { id = "secret", text = "The kiwi deploy freeze is a secret of another agent." });

        var context = await chat.GetFromJsonAsync<JsonElement>(new Uri($"/context/{conversation.Id}?agentId={agent}&turns=2", UriKind.Relative));

        Assert.Equal(["assistant", "user"], context.GetProperty("recentTurns").EnumerateArray().Select(t => t.GetProperty("role").GetString()));
        Assert.Equal("user asks about the freeze", context.GetProperty("summary").GetProperty("text").GetString());
        Assert.Equal("when is the kiwi deploy freeze?", context.GetProperty("query").GetString());
        var memories = context.GetProperty("memories").EnumerateArray().ToList();
        Assert.Contains(memories, m => m.GetProperty("namespace").GetString() == $"agent:{agent}" && m.GetProperty("hit").GetProperty("documentId").GetString() == "freeze");
        Assert.DoesNotContain(memories, m => m.GetProperty("namespace").GetString() == $"agent:{other}");
    }

    [Fact]
    public async Task Get_UnknownConversation_Is404()
    {
        using var read = await host.CreateClientWithScopeAsync(Scopes.Read);

        using var response = await read.GetAsync(new Uri($"/context/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
