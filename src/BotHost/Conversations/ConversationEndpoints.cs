using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Conversations;

public static class ConversationEndpoints
{
    /// <summary>Read access to stored conversations: who said what, with which model, at what cost.</summary>
    public static RouteGroupBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/conversations").WithTags("Conversations").RequireScope(Scopes.Read);
        group.MapGet("", ListAsync).WithSummary("Conversations, newest first (offset, limit ≤ 500)");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One conversation with its messages, token counts and latencies");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<Conversation>>, ProblemHttpResult>> ListAsync(
        IChatHistoryStore history, CancellationToken cancellationToken, int offset = 0, int limit = 50)
    {
        if (offset < 0 || limit is < 1 or > IChatHistoryStore.MaxPageSize)
        {
            return TypedResults.Problem($"offset must be ≥ 0 and limit between 1 and {IChatHistoryStore.MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid paging");
        }

        return TypedResults.Ok(await history.ListConversationsAsync(offset, limit, cancellationToken));
    }

    private static async Task<Results<Ok<ConversationTranscript>, ProblemHttpResult>> GetAsync(Guid id, IChatHistoryStore history, CancellationToken cancellationToken)
    {
        var conversation = await history.GetConversationAsync(id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.Problem($"No conversation {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");
        }

        return TypedResults.Ok(new ConversationTranscript(conversation, await history.ListMessagesAsync(id, cancellationToken)));
    }
}
