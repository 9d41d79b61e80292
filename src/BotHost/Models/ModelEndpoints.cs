using ChatCouncil.BotHost.Auth;
using ChatCouncil.Inference.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Models;

public static class ModelEndpoints
{
    /// <summary>Lists models (read) and hot-swaps them (admin).</summary>
    public static RouteGroupBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/models").WithTags("Models");
        group.MapGet("", List).RequireScope(Scopes.Read).WithSummary("Configured models, their state and the default per role");
        group.MapGet("/{id}", Get).RequireScope(Scopes.Read).WithSummary("One model's state");
        group.MapPost("/{id}/load", LoadAsync).RequireScope(Scopes.Admin)
            .WithSummary("Load a model while the current one keeps serving, then make it the default for its roles")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static Ok<ModelList> List(ModelRegistry registry)
    {
        var models = registry.List();
        var defaults = models.SelectMany(m => m.DefaultFor.Select(role => (role, m.Id))).ToDictionary(x => x.role, x => x.Id);
        return TypedResults.Ok(new ModelList(defaults, models));
    }

    private static Results<Ok<ModelStatus>, ProblemHttpResult> Get(string id, ModelRegistry registry)
    {
        try
        {
            return TypedResults.Ok(registry.Status(id));
        }
        catch (UnknownModelException ex)
        {
            return InferenceProblems.ToResult(ex);
        }
    }

    private static async Task<Results<Ok<ModelStatus>, ProblemHttpResult>> LoadAsync(string id, ModelRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await registry.LoadAsync(id, cancellationToken));
        }
        catch (Exception ex) when (InferenceProblems.TryMap(ex, out _, out _))
        {
            return InferenceProblems.ToResult(ex);
        }
    }
}
