using ChatCouncil.BotHost.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

namespace ChatCouncil.BotHost.Memory;

public static class EmbeddingEndpoints
{
    /// <summary><c>POST /embedding</c>: vectors from memory's embedding model, comparable with the stored ones (chat).</summary>
    public static RouteGroupBuilder MapEmbeddingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/embedding").WithTags("Memory").RequireScope(Scopes.Chat);
        group.MapPost("", EmbedAsync)
            .WithSummary("Embed texts with the model memory uses (lexical by default)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<Ok<EmbeddingResponse>, ProblemHttpResult>> EmbedAsync(
        EmbeddingRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request.Input is not { Count: > 0 and <= EmbeddingRequest.MaxInputs } input || input.Any(string.IsNullOrEmpty))
        {
            return MemoryProblems.BadRequest($"input must hold 1 to {EmbeddingRequest.MaxInputs} non-empty texts.");
        }

        var generator = MemoryServiceCollectionExtensions.Embeddings(services);
        var embeddings = await generator.GenerateAsync(input, cancellationToken: cancellationToken);
        var model = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? embeddings.FirstOrDefault()?.ModelId ?? "unknown";
        return TypedResults.Ok(new EmbeddingResponse(model, embeddings[0].Vector.Length, [.. embeddings.Select(e => e.Vector.ToArray())]));
    }
}
