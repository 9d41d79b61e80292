using ChatCouncil.Memory.Ask;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Memory;

/// <summary>The list/search and ask handlers that <c>/memory/{agentId}</c> and <c>/doc/{namespace}</c> share.</summary>
internal static class MemoryHandlers
{
    public const int DefaultLimit = 10;

    public static async Task<Results<Ok<MemoryListResponse>, ProblemHttpResult>> ListOrSearchAsync(
        MemoryNamespace ns, string? q, string? filter, int? limit, double? minRelevance,
        IMemoryStore store, MemorySearcher searcher, MemoryOptions options, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryFilter(filter, out var parsed, out var problem))
        {
            return problem;
        }

        if (MemoryRequestParser.CheckSearch(limit, minRelevance) is { } invalid)
        {
            return invalid;
        }

        if (!await store.NamespaceExistsAsync(ns, cancellationToken))
        {
            return MemoryProblems.UnknownNamespace(ns);
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            var documents = await store.ListDocumentsAsync(ns, parsed, limit ?? DefaultLimit, cancellationToken);
            return TypedResults.Ok(new MemoryListResponse(ns.ToString(), [.. documents.Select(d => MemoryDocumentResponse.From(ns, d))], null));
        }

        var hits = await searcher.SearchAsync(ns, q, parsed, limit ?? DefaultLimit, minRelevance ?? options.DefaultMinRelevance, cancellationToken);
        return TypedResults.Ok(new MemoryListResponse(ns.ToString(), null, [.. hits.Select(MemoryHitResponse.From)]));
    }

    public static async Task<Results<Ok<AskResponse>, ProblemHttpResult>> AskAsync(
        MemoryNamespace ns, AskRequest request, IMemoryStore store, MemoryAsker asker, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return MemoryProblems.BadRequest("question is required.");
        }

        if (!MemoryRequestParser.TryFilter(request.Filter, out var filter, out var problem))
        {
            return problem;
        }

        if (request.Sources is < 1 or > 20 || MemoryRequestParser.CheckSearch(null, request.MinRelevance) is not null)
        {
            return MemoryProblems.BadRequest("sources must be between 1 and 20 and minRelevance between -1 and 1.");
        }

        if (!await store.NamespaceExistsAsync(ns, cancellationToken))
        {
            return MemoryProblems.UnknownNamespace(ns);
        }

        var chatOptions = request.Model is null ? null : new ChatOptions { ModelId = request.Model };
        var answer = await asker.AskAsync(ns, request.Question, filter, request.Sources ?? options.Value.AskSources,
            request.MinRelevance ?? options.Value.DefaultMinRelevance, chatOptions, cancellationToken);
        return TypedResults.Ok(AskResponse.From(answer));
    }
}
