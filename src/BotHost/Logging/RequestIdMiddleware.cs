using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Logging;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when well formed, else a new one. It is echoed in
/// the response, becomes <see cref="HttpContext.TraceIdentifier"/> (ProblemDetails carry it as <c>requestId</c>), and opens a
/// <c>RequestId</c> logging scope for everything the request logs, a WebSocket's whole life included.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[RequestIds.HeaderName];
        var requestId = incoming.Count == 1 && RequestIds.IsWellFormed(incoming[0]) ? incoming[0]! : RequestIds.NewId();
        context.TraceIdentifier = requestId;
        context.Response.Headers[RequestIds.HeaderName] = requestId;
        using (logger.BeginScope(new RequestIdScope(requestId)))
        {
            await next(context);
        }
    }
}
