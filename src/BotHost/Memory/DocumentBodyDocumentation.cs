using ChatCouncil.Memory.Extraction;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// Documents the raw document body in OpenAPI. <c>Accepts()</c> would do it too, but it also makes routing answer an
/// unknown content type with a bare 415 before the handler can say which types are supported.
/// </summary>
internal static class DocumentBodyDocumentation
{
    public static RouteHandlerBuilder DescribeDocumentBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(Describe);

    private static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        foreach (var type in ContentExtractors.Default.ContentTypes.Order(StringComparer.Ordinal))
        {
            content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        operation.RequestBody = new OpenApiRequestBody { Required = true, Description = "The document, read by its Content-Type.", Content = content };
        return Task.CompletedTask;
    }
}
