using System.Net.Http.Headers;
using System.Net.WebSockets;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Logging;

/// <summary>
/// With every category at Trace, authenticated, rejected and WebSocket requests leave no key in any log entry:
/// not in messages, state values, scopes or exceptions. The first-run key is not logged either.
/// </summary>
public sealed class SecretLoggingTests(VerboseBotHostFactory factory) : IClassFixture<VerboseBotHostFactory>
{
    [Fact]
    public async Task Requests_WithKeysInHeadersAndSubprotocols_NeverLogAKey()
    {
        var valid = await factory.CreateKeyAsync(Scopes.Admin);
        var revoked = await factory.CreateKeyAsync(Scopes.Read);
        await factory.Services.GetRequiredService<IApiKeyStore>().RevokeAsync(revoked.Info.Id);
        const string Forged = "cc_0123456789ab_ForgedForgedForgedForgedForgedForgedForged1234";
        var firstRun = Assert.Single(factory.FirstRunKeys.Keys);

        foreach (var key in new[] { valid.Key, revoked.Key, Forged, "not-even-a-key" })
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            (await client.GetAsync(new Uri("/me", UriKind.Relative))).Dispose();
            (await client.GetAsync(new Uri("/keys", UriKind.Relative))).Dispose();
        }

        await ConnectWebSocketAsync(valid.Key, expectSuccess: true);
        await ConnectWebSocketAsync(revoked.Key, expectSuccess: false);

        var logs = factory.Logs.AllText;
        Assert.True(factory.Logs.Entries.Count > 20, "The capture saw too little to prove anything.");
        Assert.Contains($"The API key {revoked.Info.Id} was revoked.", logs, StringComparison.Ordinal); // the handler's own failures are captured
        foreach (var secret in new[] { valid.Key, revoked.Key, Forged, firstRun.Key })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[^43..], logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("bearer.", logs, StringComparison.OrdinalIgnoreCase);
    }

    private async Task ConnectWebSocketAsync(string key, bool expectSuccess)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add(ChatCouncilWebSockets.SubProtocol);
        client.SubProtocols.Add($"bearer.{key}");
        var uri = new Uri(new UriBuilder(factory.Server.BaseAddress) { Scheme = "ws" }.Uri, "/me");
        if (!expectSuccess)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync(uri, CancellationToken.None));
            return;
        }

        using var socket = await client.ConnectAsync(uri, CancellationToken.None);
        var buffer = new byte[4096];
        while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
        {
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
    }
}
