using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Ask;
using ChatCouncil.Memory.Ingestion;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Sync;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Memory;

public static class MemoryEndpoints
{
    /// <summary>
    /// An agent's memories under <c>/memory/{agentId}</c> (namespace <c>agent:{agentId}</c>): list and search (read), add
    /// and ask (chat), delete (admin). Also maps <c>/doc</c> and <c>/embedding</c>.
    /// </summary>
    public static RouteGroupBuilder MapMemoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/memory/{agentId}").WithTags("Memory").RequireScope(Scopes.Read);
        group.MapGet("", ListOrSearchAsync)
            .WithSummary("An agent's memories, newest first; with q, a hybrid search (vector + full text, fused by reciprocal rank)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", AddAsync).RequireScope(Scopes.Chat)
            .WithSummary("Remember a text; an existing id is replaced")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapDelete("/{memoryId}", DeleteAsync).RequireScope(Scopes.Admin)
            .WithSummary("Forget one memory: its chunks, vectors and full-text rows go in one transaction")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/ask", AskAsync).RequireScope(Scopes.Chat)
            .WithSummary("Answer a question from the agent's memories, with citations (document, chunk, link)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{memoryId}/promote", PromoteAsync).RequireScope(Scopes.Chat)
            .WithSummary("Promote a memory to the global namespace under a key; on a taken key the newer memory wins, then the higher agent priority")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDocumentEndpoints();
        app.MapSnapshotEndpoints();
        app.MapValueEndpoints();
        app.MapContextEndpoints();
        app.MapSessionEndpoints();
        app.MapEmbeddingEndpoints();
        return group;
    }

    private static async Task<Results<Ok<MemoryListResponse>, ProblemHttpResult>> ListOrSearchAsync(
        string agentId, string? q, string? filter, int? limit, double? minRelevance,
        IMemoryStore store, MemorySearcher searcher, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        return MemoryRequestParser.TryAgent(agentId, out var ns, out var problem)
            ? await MemoryHandlers.ListOrSearchAsync(ns, q, filter, limit, minRelevance, store, searcher, options.Value, cancellationToken)
            : problem;
    }

    private static async Task<Results<Created<MemoryDocumentResponse>, ProblemHttpResult>> AddAsync(
        string agentId, AddMemoryRequest request, MemoryIngestor ingestor, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryAgent(agentId, out var ns, out var problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return MemoryProblems.BadRequest("text is required and must not be blank.", "Empty document");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(request.Text) > options.Value.MaxDocumentBytes)
        {
            return TypedResults.Problem($"text is larger than the limit of {options.Value.MaxDocumentBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large");
        }

        try
        {
            var tags = MemoryTags.FromDictionary(request.Tags, request.Time);
            var input = new DocumentInput(request.Id ?? MemoryDocumentId.New(), "text/plain", tags, request.Title, request.Link);
            var document = await ingestor.IngestTextAsync(ns, input, request.Text, cancellationToken);
            return TypedResults.Created($"/memory/{agentId}/{document.Id}", MemoryDocumentResponse.From(ns, document));
        }
        catch (Exception ex) when (MemoryProblems.TryMap(ex, out var mapped))
        {
            return mapped;
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string agentId, string memoryId, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryAgent(agentId, out var ns, out var problem))
        {
            return problem;
        }

        return await store.DeleteDocumentAsync(ns, memoryId, cancellationToken) ? TypedResults.NoContent() : MemoryProblems.UnknownDocument(ns, memoryId);
    }

    private static async Task<Results<Ok<AskResponse>, ProblemHttpResult>> AskAsync(
        string agentId, AskRequest request, IMemoryStore store, MemoryAsker asker, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        return MemoryRequestParser.TryAgent(agentId, out var ns, out var problem)
            ? await MemoryHandlers.AskAsync(ns, request, store, asker, options, cancellationToken)
            : problem;
    }

    private static async Task<Results<Ok<PromoteResponse>, ProblemHttpResult>> PromoteAsync(
        string agentId, string memoryId, PromoteRequest? request, MemoryPromoter promoter, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryAgent(agentId, out _, out var problem))
        {
            return problem;
        }

        try
        {
            var priority = options.Value.AgentPriorities.GetValueOrDefault(agentId);
            var result = await promoter.PromoteAsync(agentId, priority, memoryId, request?.Key, cancellationToken);
            return TypedResults.Ok(new PromoteResponse(result.Promoted, MemoryDocumentResponse.From(ChatCouncil.Memory.Namespaces.MemoryNamespace.Global, result.Holder)));
        }
        catch (KeyNotFoundException ex)
        {
            return MemoryProblems.NotFound(ex.Message, "Unknown document");
        }
        catch (ArgumentException ex)
        {
            return MemoryProblems.BadRequest(ex.Message);
        }
    }
}
