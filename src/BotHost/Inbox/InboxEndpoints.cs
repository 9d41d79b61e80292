using ChatCouncil.BotHost.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Inbox;

public static class InboxEndpoints
{
    public const int MaxDeadLetters = 500;

    /// <summary>
    /// Operator routes (admin): <c>GET /inbox/dead-letters</c> lists events that failed every attempt, newest first;
    /// <c>POST /inbox/dead-letters/{id}/replay</c> puts one back in line with a fresh set of attempts.
    /// </summary>
    public static RouteGroupBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/inbox").WithTags("Inbox").RequireScope(Scopes.Admin);
        group.MapGet("/dead-letters", ListAsync).WithName("ListDeadLetters")
            .WithSummary("Platform events that failed every attempt, newest first (limit 1-500, default 100).");
        group.MapPost("/dead-letters/{id:long}/replay", ReplayAsync).WithName("ReplayDeadLetter")
            .WithSummary("Puts a dead letter back in the inbox with a fresh set of attempts.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ProblemHttpResult>> ListAsync(
        IInboxStore store, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > MaxDeadLetters)
        {
            return TypedResults.Problem($"limit must be between 1 and {MaxDeadLetters}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await store.ListDeadLettersAsync(limit, cancellationToken));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ReplayAsync(
        long id, IInboxStore store, InboxIntake intake, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await store.ReplayAsync(id, cancellationToken))
        {
            return TypedResults.Problem($"No dead letter has id {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        Log.Replayed(loggers.CreateLogger(typeof(InboxEndpoints)), id);
        intake.Signal.Notify();
        return TypedResults.Accepted((string?)null);
    }
}
