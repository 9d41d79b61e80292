using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCouncil.BotHost.ApiDocs;

public static class ApiDocumentationExtensions
{
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecurityRequirementTransformer>();
        });
        return builder;
    }

    /// <summary><c>/openapi/v1.json</c>, public.</summary>
    public static IEndpointConventionBuilder MapApiDocumentation(this IEndpointRouteBuilder app) =>
        app.MapOpenApi().AllowAnonymous();
}
