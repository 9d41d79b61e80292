using ChatCouncil.BotHost.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatCouncil.BotHost.ApiDocs;

/// <summary>
/// Marks every operation that is not <c>AllowAnonymous</c> as needing the bearer key, with the scope it needs
/// (OpenAPI 3.1 lets a non-OAuth requirement list roles), and documents its 401 and 403 answers.
/// </summary>
internal sealed class BearerSecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        // Every policy on an endpoint must pass, so the strongest scope named is the one a key needs.
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet(StringComparer.Ordinal);
        var scope = Scopes.All.LastOrDefault(policies.Contains) ?? Scopes.Read;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, context.Document)] = [scope],
        });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, invalid or revoked API key." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The API key lacks the '{scope}' scope." });
        return Task.CompletedTask;
    }
}
