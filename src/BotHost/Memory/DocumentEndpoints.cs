using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Ask;
using ChatCouncil.Memory.Ingestion;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Memory;

public static class DocumentEndpoints
{
    /// <summary>
    /// Documents in any namespace (<c>global</c>, <c>agent:&lt;id&gt;</c>, <c>conversation:&lt;id&gt;</c>): ingest the raw
    /// body by its Content-Type (chat), get, list and search (read), ask (chat), delete (admin).
    /// </summary>
    public static RouteGroupBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/doc/{namespace}").WithTags("Memory").RequireScope(Scopes.Read);
        group.MapGet("", ListOrSearchAsync)
            .WithSummary("The namespace's documents, newest first; with q, a hybrid search of their chunks")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", (string @namespace, HttpRequest request, [AsParameters] DocumentMetadata metadata, MemoryIngestor ingestor, IOptions<MemoryOptions> options, CancellationToken ct) =>
                IngestAsync(@namespace, null, request, metadata, ingestor, options.Value, ct))
            .RequireScope(Scopes.Chat)
            .WithSummary("Ingest the body as a new document with a generated id: extracted by Content-Type, chunked, embedded, indexed")
            .DescribeDocumentBody()
            .Produces<MemoryDocumentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{documentId}", (string @namespace, string documentId, HttpRequest request, [AsParameters] DocumentMetadata metadata, MemoryIngestor ingestor, IOptions<MemoryOptions> options, CancellationToken ct) =>
                IngestAsync(@namespace, documentId, request, metadata, ingestor, options.Value, ct))
            .RequireScope(Scopes.Chat)
            .WithSummary("Ingest the body as this document, replacing all chunks of an earlier version")
            .DescribeDocumentBody()
            .Produces<MemoryDocumentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{documentId}", GetAsync)
            .WithSummary("One document with its chunks in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{documentId}", DeleteAsync).RequireScope(Scopes.Admin)
            .WithSummary("Delete a document: its chunks, vectors and full-text rows go in one transaction")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/ask", AskAsync).RequireScope(Scopes.Chat)
            .WithSummary("Answer a question from the namespace's documents, with citations (document, chunk, link)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<MemoryListResponse>, ProblemHttpResult>> ListOrSearchAsync(
        string @namespace, string? q, string? filter, int? limit, double? minRelevance,
        IMemoryStore store, MemorySearcher searcher, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        return MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem)
            ? await MemoryHandlers.ListOrSearchAsync(ns, q, filter, limit, minRelevance, store, searcher, options.Value, cancellationToken)
            : problem;
    }

    private static async Task<Results<Created<MemoryDocumentResponse>, Ok<MemoryDocumentResponse>, ProblemHttpResult>> IngestAsync(
        string @namespace, string? documentId, HttpRequest request, DocumentMetadata metadata, MemoryIngestor ingestor, MemoryOptions options,
        CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        if (request.ContentLength > options.MaxDocumentBytes)
        {
            return TypedResults.Problem($"The document is larger than the limit of {options.MaxDocumentBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large");
        }

        try
        {
            var input = new DocumentInput(documentId ?? MemoryDocumentId.New(), request.ContentType ?? string.Empty, metadata.ToTags(), metadata.Title, metadata.Link);
            await using var body = new SizeLimitedStream(request.Body, options.MaxDocumentBytes);
            var document = await ingestor.IngestAsync(ns, input, body, cancellationToken);
            var response = MemoryDocumentResponse.From(ns, document);
            return documentId is null ? TypedResults.Created($"/doc/{ns}/{document.Id}", response) : TypedResults.Ok(response);
        }
        catch (Exception ex) when (MemoryProblems.TryMap(ex, out var mapped))
        {
            return mapped;
        }
    }

    private static async Task<Results<Ok<MemoryDocumentResponse>, ProblemHttpResult>> GetAsync(
        string @namespace, string documentId, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        var document = await store.GetDocumentAsync(ns, documentId, cancellationToken);
        return document is null
            ? MemoryProblems.UnknownDocument(ns, documentId)
            : TypedResults.Ok(MemoryDocumentResponse.From(ns, document, await store.GetChunksAsync(ns, documentId, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string @namespace, string documentId, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        return await store.DeleteDocumentAsync(ns, documentId, cancellationToken) ? TypedResults.NoContent() : MemoryProblems.UnknownDocument(ns, documentId);
    }

    private static async Task<Results<Ok<AskResponse>, ProblemHttpResult>> AskAsync(
        string @namespace, AskRequest request, IMemoryStore store, MemoryAsker asker, IOptions<MemoryOptions> options, CancellationToken cancellationToken)
    {
        return MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem)
            ? await MemoryHandlers.AskAsync(ns, request, store, asker, options, cancellationToken)
            : problem;
    }
}
