using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.Generation;
using ChatCouncil.Inference.Gguf;
using ChatCouncil.Inference.Grammar;
using ChatCouncil.Inference.Native;
using ChatCouncil.Inference.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Models;

/// <summary>The HTTP status and message for each inference failure a client can cause or fix.</summary>
internal static class InferenceProblems
{
    public static bool TryMap(Exception exception, out int status, out string title)
    {
        (status, title) = exception switch
        {
            UnknownModelException => (StatusCodes.Status404NotFound, "Unknown model"),
            ModelUnavailableException => (StatusCodes.Status409Conflict, "Model unavailable"),
            PromptTooLongException => (StatusCodes.Status400BadRequest, "Prompt too long"),
            InvalidGrammarException => (StatusCodes.Status400BadRequest, "Invalid grammar"),
            JsonSchemaNotSupportedException => (StatusCodes.Status400BadRequest, "Unsupported JSON Schema"),
            GgufFormatException => (StatusCodes.Status422UnprocessableEntity, "Invalid model file"),
            FileNotFoundException => (StatusCodes.Status422UnprocessableEntity, "Model file not found"),
            ModelLoadException => (StatusCodes.Status422UnprocessableEntity, "Model could not be loaded"),
            NativeLibraryException => (StatusCodes.Status500InternalServerError, "Inference libraries unavailable"),
            ArgumentException => (StatusCodes.Status400BadRequest, "Invalid request"),
            _ => (0, string.Empty),
        };
        return status != 0;
    }

    public static ProblemHttpResult ToResult(Exception exception) =>
        TryMap(exception, out var status, out var title)
            ? TypedResults.Problem(exception.Message, statusCode: status, title: title)
            : throw exception;
}
