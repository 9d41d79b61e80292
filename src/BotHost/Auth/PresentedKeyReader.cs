using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ChatCouncil.BotHost.Auth;

/// <summary>
/// Finds the API key in <c>Authorization: Bearer</c>, or, for WebSocket upgrades only, in a
/// <c>bearer.&lt;key&gt;</c> subprotocol entry. The query string is never read: URLs end up in logs,
/// proxies and browser history.
/// </summary>
internal static class PresentedKeyReader
{
    private const string BearerPrefix = "Bearer ";

    public static PresentedKey Read(HttpContext context)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization];
        if (authorization.Count > 1)
        {
            return PresentedKey.Unusable("Send one Authorization header.");
        }

        if (authorization.Count == 1)
        {
            var value = authorization[0] ?? string.Empty;
            if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return PresentedKey.Unusable("Only 'Authorization: Bearer <key>' is accepted.");
            }

            var key = value[BearerPrefix.Length..].Trim();
            return key.Length == 0 ? PresentedKey.Unusable("The bearer key is empty.") : PresentedKey.Of(key);
        }

        return context.WebSockets.IsWebSocketRequest ? ReadSubProtocol(context) : PresentedKey.None;
    }

    private static PresentedKey ReadSubProtocol(HttpContext context)
    {
        var keys = context.WebSockets.WebSocketRequestedProtocols
            .Where(p => p.StartsWith(ChatCouncilWebSockets.BearerSubProtocolPrefix, StringComparison.Ordinal))
            .Select(p => p[ChatCouncilWebSockets.BearerSubProtocolPrefix.Length..])
            .ToList();
        return keys.Count switch
        {
            0 => PresentedKey.None,
            1 when keys[0].Length > 0 => PresentedKey.Of(keys[0]),
            1 => PresentedKey.Unusable("The bearer subprotocol carries no key."),
            _ => PresentedKey.Unusable("Offer one bearer subprotocol."),
        };
    }
}
