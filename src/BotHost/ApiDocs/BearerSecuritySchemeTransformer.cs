using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatCouncil.BotHost.ApiDocs;

/// <summary>Declares the API key as an HTTP bearer security scheme in the document's components.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "cc_<id>_<secret>",
            Description = "ChatCouncil API key with scope read, chat or admin (admin grants chat, chat grants read). " +
                "Create one with `keys create`. WebSocket clients in a browser offer the subprotocol `bearer.<key>`.",
        };
        return Task.CompletedTask;
    }
}
