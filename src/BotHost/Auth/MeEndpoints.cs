using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ChatCouncil.BotHost.Auth;

public static class MeEndpoints
{
    /// <summary>
    /// <c>GET /me</c>: which key is calling and what it may do, so a client can check a key before using it.
    /// Over a WebSocket upgrade the same answer comes as one text message, which lets the web page test
    /// the subprotocol path (<c>bearer.&lt;key&gt;</c>) it uses for chat.
    /// </summary>
    public static RouteGroupBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/me").WithTags("Access").RequireScope(Scopes.Read);
        group.MapGet("", GetMeAsync).WithName("GetMe").WithSummary("The calling API key: id, name and scopes.");
        return group;
    }

    private static async Task<Results<Ok<MeResponse>, EmptyHttpResult>> GetMeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var me = Describe(context.User);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Ok(me);
        }

        using var socket = await context.AcceptChatCouncilWebSocketAsync();
        var payload = JsonSerializer.SerializeToUtf8Bytes(me, AuthJsonContext.Default.MeResponse);
        await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
        return TypedResults.Empty;
    }

    private static MeResponse Describe(ClaimsPrincipal user)
    {
        var held = user.GetScopes();
        return new MeResponse(
            user.GetApiKeyId() ?? string.Empty,
            user.Identity?.Name ?? string.Empty,
            held,
            [.. Scopes.All.Where(scope => Scopes.Grants(held, scope))]);
    }
}
