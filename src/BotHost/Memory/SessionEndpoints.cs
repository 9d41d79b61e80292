using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Memory;

public static class SessionEndpoints
{
    public const int DefaultTtlSeconds = 30 * 60;

    /// <summary><c>/session/{id}</c>: open (PUT), touch (POST …/touch), read (GET), close (DELETE); expiry is by time.</summary>
    public static RouteGroupBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/session/{id}").WithTags("Memory").RequireScope(Scopes.Read);
        group.MapPut("", OpenAsync).RequireScope(Scopes.Chat).WithSummary("Open (or re-open) a session").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/touch", TouchAsync).RequireScope(Scopes.Chat)
            .WithSummary("Keep an open session alive for another time to live; 410 once it expired or was closed")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        group.MapGet("", GetAsync).WithSummary("A session and its state: open, expired or closed").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("", CloseAsync).RequireScope(Scopes.Chat).WithSummary("Close a session").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> OpenAsync(
        string id, OpenSessionRequest? request, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (request?.TtlSeconds is <= 0)
        {
            return MemoryProblems.BadRequest("ttlSeconds must be positive.");
        }

        try
        {
            var sessions = Sessions(store);
            var session = await sessions.OpenSessionAsync(id, request?.ConversationId, TimeSpan.FromSeconds(request?.TtlSeconds ?? DefaultTtlSeconds), cancellationToken);
            return TypedResults.Ok(SessionResponse.From(session, sessions.Now));
        }
        catch (ArgumentException ex)
        {
            return MemoryProblems.BadRequest(ex.Message);
        }
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> TouchAsync(string id, IMemoryStore store, CancellationToken cancellationToken)
    {
        var sessions = Sessions(store);
        if (await sessions.TouchSessionAsync(id, cancellationToken) is not { } session)
        {
            return Unknown(id);
        }

        var state = session.StateAt(sessions.Now);
        return state == MemorySessionState.Open
            ? TypedResults.Ok(SessionResponse.From(session, sessions.Now))
            : TypedResults.Problem($"Session '{id}' is {state.ToString().ToLowerInvariant()}; open it again.", statusCode: StatusCodes.Status410Gone, title: "Session ended");
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(string id, IMemoryStore store, CancellationToken cancellationToken)
    {
        var sessions = Sessions(store);
        return await sessions.GetSessionAsync(id, cancellationToken) is { } session ? TypedResults.Ok(SessionResponse.From(session, sessions.Now)) : Unknown(id);
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CloseAsync(string id, IMemoryStore store, CancellationToken cancellationToken)
    {
        var sessions = Sessions(store);
        return await sessions.CloseSessionAsync(id, cancellationToken) is { } session ? TypedResults.Ok(SessionResponse.From(session, sessions.Now)) : Unknown(id);
    }

    private static ProblemHttpResult Unknown(string id) => MemoryProblems.NotFound($"No session '{id}'.", "Unknown session");

    // The stores keep sessions beside the documents; the cast keeps one registration for one database.
    private static IMemorySessionStore Sessions(IMemoryStore store) => (IMemorySessionStore)store;
}
