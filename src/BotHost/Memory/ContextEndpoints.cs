using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.History;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Memory;

public static class ContextEndpoints
{
    /// <summary>The key of a conversation's summary among its values (<c>/kv/conversation:{id}/summary</c>).</summary>
    public const string SummaryKey = "summary";

    /// <summary><c>GET /context/{conversationId}</c>: recent turns, summary and relevant memories (read).</summary>
    public static RouteGroupBuilder MapContextEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/context/{conversationId:guid}").WithTags("Memory").RequireScope(Scopes.Read);
        group.MapGet("", GetAsync)
            .WithSummary("The context assembled for a conversation: recent turns, summary, relevant memories (q defaults to the last user turn)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ContextResponse>, ProblemHttpResult>> GetAsync(
        Guid conversationId, string? agentId, string? q, int? turns, int? limit,
        IChatHistoryStore history, IMemoryStore store, MemorySearcher searcher, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        if (turns is < 0 or > 200 || limit is < 0 or > MemoryQuery.MaxLimit)
        {
            return MemoryProblems.BadRequest($"turns must be 0 to 200 and limit 0 to {MemoryQuery.MaxLimit}.");
        }

        if (agentId is not null && MemoryNamespace.ValidateId(agentId) is { } invalid)
        {
            return MemoryProblems.BadRequest(invalid, "Invalid agent id");
        }

        if (await history.GetConversationAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return MemoryProblems.NotFound($"No conversation {conversationId}.", "Unknown conversation");
        }

        var messages = await history.ListMessagesAsync(conversationId, cancellationToken);
        var recent = messages.TakeLast(turns ?? 10).Select(m => new ContextTurn(MessageRoleText.ToText(m.Role), m.Content, m.CreatedAt)).ToList();
        var ns = MemoryNamespace.Conversation(conversationId.ToString());
        JsonElement? summary = null;
        if (await ((IMemoryValueStore)store).GetValueAsync(ns, SummaryKey, cancellationToken) is { } value)
        {
            using var document = JsonDocument.Parse(value.Json);
            summary = document.RootElement.Clone();
        }

        var query = !string.IsNullOrWhiteSpace(q) ? q : messages.LastOrDefault(m => m.Role == MessageRole.User)?.Content;
        IReadOnlyList<ContextMemory> memories = [];
        if (!string.IsNullOrWhiteSpace(query) && (limit ?? 5) > 0)
        {
            List<MemoryNamespace> namespaces = [ns, MemoryNamespace.Global];
            if (agentId is not null)
            {
                namespaces.Insert(1, MemoryNamespace.Agent(agentId));
            }

            var hits = await searcher.SearchAcrossAsync(namespaces, query, null, limit ?? 5, options.Value.DefaultMinRelevance, cancellationToken);
            memories = [.. hits.Select(h => new ContextMemory(h.Namespace.ToString(), MemoryHitResponse.From(h.Hit)))];
        }

        return TypedResults.Ok(new ContextResponse(conversationId, conversation.Title, recent, summary, query, memories));
    }
}
