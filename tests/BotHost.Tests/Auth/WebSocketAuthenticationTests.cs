using System.Net.WebSockets;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Auth;

/// <summary>A browser offers <c>["chatcouncil.v1", "bearer.&lt;key&gt;"]</c>, since it cannot set headers on a WebSocket.</summary>
public sealed class WebSocketAuthenticationTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task Me_BearerSubprotocol_AcceptsChatCouncilV1AndSendsTheIdentity()
    {
        var key = await factory.CreateKeyAsync(Scopes.Chat);
        var client = Client(ChatCouncilWebSockets.SubProtocol, $"bearer.{key.Key}");

        using var socket = await client.ConnectAsync(MeUri(), CancellationToken.None);
        var me = await ReceiveAsync<MeResponse>(socket);

        Assert.Equal(ChatCouncilWebSockets.SubProtocol, socket.SubProtocol);
        Assert.Equal(key.Info.Id, me.KeyId);
        Assert.Equal([Scopes.Read, Scopes.Chat], me.Grants);
    }

    [Fact]
    public async Task Me_AuthorizationHeaderOnUpgrade_IsAcceptedToo()
    {
        var key = await factory.CreateKeyAsync(Scopes.Read);
        var client = Client(ChatCouncilWebSockets.SubProtocol);
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {key.Key}";

        using var socket = await client.ConnectAsync(MeUri(), CancellationToken.None);

        Assert.Equal(key.Info.Id, (await ReceiveAsync<MeResponse>(socket)).KeyId);
    }

    [Fact]
    public async Task Me_NoKey_RefusesTheUpgradeWith401()
    {
        var client = Client(ChatCouncilWebSockets.SubProtocol);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync(MeUri(), CancellationToken.None));

        Assert.Contains("status code: 401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_RevokedKey_RefusesTheUpgradeWith401()
    {
        var key = await factory.CreateKeyAsync(Scopes.Admin);
        await factory.Services.GetRequiredService<IApiKeyStore>().RevokeAsync(key.Info.Id);
        var client = Client(ChatCouncilWebSockets.SubProtocol, $"bearer.{key.Key}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync(MeUri(), CancellationToken.None));

        Assert.Contains("status code: 401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_KeyInQueryString_RefusesTheUpgradeWith401()
    {
        var key = await factory.CreateKeyAsync(Scopes.Admin);
        var client = Client(ChatCouncilWebSockets.SubProtocol);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.ConnectAsync(MeUri($"?access_token={key.Key}"), CancellationToken.None));

        Assert.Contains("status code: 401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_TwoBearerSubprotocols_RefusesTheUpgradeWith401()
    {
        var first = await factory.CreateKeyAsync(Scopes.Read);
        var second = await factory.CreateKeyAsync(Scopes.Admin);
        var client = Client(ChatCouncilWebSockets.SubProtocol, $"bearer.{first.Key}", $"bearer.{second.Key}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync(MeUri(), CancellationToken.None));

        Assert.Contains("status code: 401", error.Message, StringComparison.Ordinal);
    }

    private WebSocketClient Client(params string[] subProtocols)
    {
        var client = factory.Server.CreateWebSocketClient();
        foreach (var protocol in subProtocols)
        {
            client.SubProtocols.Add(protocol);
        }

        return client;
    }

    private Uri MeUri(string query = "") => new(new UriBuilder(factory.Server.BaseAddress) { Scheme = "ws" }.Uri, $"/me{query}");

    private static async Task<T> ReceiveAsync<T>(WebSocket socket)
    {
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.True(received.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, received.Count), JsonSerializerOptions.Web)!;
        var close = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        return value;
    }
}
