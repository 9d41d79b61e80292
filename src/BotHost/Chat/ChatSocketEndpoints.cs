using ChatCouncil.BotHost.Auth;

namespace ChatCouncil.BotHost.Chat;

public static class ChatSocketEndpoints
{
    /// <summary>
    /// <c>/ws/chat</c>: one stored conversation per socket, answers streamed token by token. Browsers
    /// authenticate with the subprotocols <c>["chatcouncil.v1", "bearer.&lt;key&gt;"]</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapChatSocketEndpoints(this IEndpointRouteBuilder app)
    {
        return app.Map("/ws/chat", async (HttpContext http, ChatSocketSession.Factory sessions) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return Results.Problem("Connect with a WebSocket (subprotocol chatcouncil.v1).", statusCode: StatusCodes.Status400BadRequest, title: "WebSocket required");
            }

            using var socket = await http.AcceptChatCouncilWebSocketAsync();
            using var session = sessions.Create(socket, http);
            await session.RunAsync(http.RequestAborted);
            return Results.Empty;
        })
        .WithTags("Chat")
        .WithSummary("WebSocket chat: send {type:message,text}, receive ready, token…, done (see README)")
        .RequireScope(Scopes.Chat);
    }
}
