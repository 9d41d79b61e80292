using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Memory;

public static class SnapshotEndpoints
{
    /// <summary>A namespace as JSON Lines: export (GET) and import (PUT), both admin.</summary>
    public static RouteGroupBuilder MapSnapshotEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/snapshot/{namespace}").WithTags("Memory").RequireScope(Scopes.Admin);
        group.MapGet("", ExportAsync)
            .WithSummary("Export the namespace as JSON Lines: a header, then one document per line with its chunks and vectors")
            .Produces(StatusCodes.Status200OK, contentType: MemorySnapshots.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("", ImportAsync)
            .WithSummary("Import a JSON Lines snapshot into the namespace; documents with the same ids are replaced")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        string @namespace, HttpResponse response, ChatCouncil.Memory.Storage.IMemoryStore store, MemorySnapshots snapshots, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        if (!await store.NamespaceExistsAsync(ns, cancellationToken))
        {
            return MemoryProblems.UnknownNamespace(ns);
        }

        response.ContentType = MemorySnapshots.ContentType;
        await snapshots.ExportAsync(ns, response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        string @namespace, HttpRequest request, MemorySnapshots snapshots, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        try
        {
            await using var body = new ChatCouncil.Memory.Ingestion.SizeLimitedStream(request.Body, options.Value.MaxSnapshotBytes);
            return TypedResults.Ok(new ImportResponse(ns.ToString(), await snapshots.ImportAsync(ns, body, cancellationToken)));
        }
        catch (Exception ex) when (MemoryProblems.TryMap(ex, out var mapped))
        {
            return mapped;
        }
    }
}
