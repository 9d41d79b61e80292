using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace ChatCouncil.BotHost.Auth;

/// <summary>
/// Browsers cannot set headers on a WebSocket, so a client offers two subprotocols:
/// <c>["chatcouncil.v1", "bearer.&lt;key&gt;"]</c>. The authentication handler reads the key from the second;
/// the endpoint accepts the first, and never echoes the key entry back.
/// </summary>
public static class ChatCouncilWebSockets
{
    public const string SubProtocol = "chatcouncil.v1";

    public const string BearerSubProtocolPrefix = "bearer.";

    /// <summary>Accepts the upgrade, selecting <see cref="SubProtocol"/> when the client offered it.</summary>
    public static Task<WebSocket> AcceptChatCouncilWebSocketAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        return context.WebSockets.AcceptWebSocketAsync(offered ? SubProtocol : null);
    }
}
