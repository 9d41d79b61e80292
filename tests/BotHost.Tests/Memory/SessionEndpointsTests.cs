using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;

namespace ChatCouncil.BotHost.Tests.Memory;

public sealed class SessionEndpointsTests(MemoryHostFactory host) : IClassFixture<MemoryHostFactory>
{
    [Fact]
    public async Task Session_OpenTouchClose_ReportsStateAndEndsWith410()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        var path = $"/session/s-{Guid.NewGuid():N}";

        var opened = await (await chat.PutAsJsonAsync(new Uri(path, UriKind.Relative), new { conversationId = "c1", ttlSeconds = 60 })).Content.ReadFromJsonAsync<JsonElement>();
        using var touch = await chat.PostAsync(new Uri(path + "/touch", UriKind.Relative), null);
        using var close = await chat.DeleteAsync(new Uri(path, UriKind.Relative));
        using var touchClosed = await chat.PostAsync(new Uri(path + "/touch", UriKind.Relative), null);
        var read = await chat.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

        Assert.Equal("open", opened.GetProperty("state").GetString());
        Assert.Equal(60, opened.GetProperty("ttlSeconds").GetDouble());
        Assert.Equal(HttpStatusCode.OK, touch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, touchClosed.StatusCode);
        Assert.Equal("closed", read.GetProperty("state").GetString());
        Assert.Equal("c1", read.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Session_UnknownOrInvalid_Is404Or400()
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);

        Assert.Equal(HttpStatusCode.NotFound, (await chat.PostAsync(new Uri("/session/never-opened/touch", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chat.GetAsync(new Uri("/session/never-opened", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PutAsJsonAsync(new Uri("/session/x", UriKind.Relative), new { ttlSeconds = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PutAsJsonAsync(new Uri("/session/bad%20id", UriKind.Relative), new { })).StatusCode);
    }
}
