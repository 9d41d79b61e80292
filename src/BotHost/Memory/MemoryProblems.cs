using ChatCouncil.Memory.Extraction;
using ChatCouncil.Memory.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Memory;

/// <summary>The HTTP status and title for each memory failure a client can cause.</summary>
internal static class MemoryProblems
{
    public static ProblemHttpResult BadRequest(string detail, string title = "Invalid request") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ProblemHttpResult NotFound(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult UnknownNamespace(object ns) => NotFound($"Nothing was ever stored in namespace '{ns}'.", "Unknown namespace");

    public static ProblemHttpResult UnknownDocument(object ns, string id) => NotFound($"No document '{id}' in namespace '{ns}'.", "Unknown document");

    public static bool TryMap(Exception exception, out ProblemHttpResult result)
    {
        (int status, string title) = exception switch
        {
            UnsupportedContentTypeException => (StatusCodes.Status415UnsupportedMediaType, "Unsupported content type"),
            DocumentTooLargeException => (StatusCodes.Status413PayloadTooLarge, "Document too large"),
            EmptyDocumentException => (StatusCodes.Status400BadRequest, "Empty document"),
            InvalidDocumentException => (StatusCodes.Status400BadRequest, "Invalid document"),
            ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "Invalid request"),
            _ => (0, string.Empty),
        };
        result = status == 0 ? null! : TypedResults.Problem(exception.Message, statusCode: status, title: title);
        return status != 0;
    }
}
