using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.Memory.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Memory;

public static class ValueEndpoints
{
    /// <summary>Largest value accepted, in bytes of JSON.</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary><c>/kv/{namespace}/{key}</c>: JSON values with an optional time to live (read to get, chat to set and delete).</summary>
    public static RouteGroupBuilder MapValueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/kv/{namespace}/{key}").WithTags("Memory").RequireScope(Scopes.Read);
        group.MapGet("", GetAsync).WithSummary("A value, unless absent or expired").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("", SetAsync).RequireScope(Scopes.Chat)
            .WithSummary("Set a JSON value; ttlSeconds makes it expire")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapDelete("", DeleteAsync).RequireScope(Scopes.Chat).WithSummary("Delete a value").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ValueResponse>, ProblemHttpResult>> GetAsync(
        string @namespace, string key, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        return await Values(store).GetValueAsync(ns, key, cancellationToken) is { } value
            ? TypedResults.Ok(ValueResponse.From(ns.ToString(), value))
            : MemoryProblems.NotFound($"No value '{key}' in namespace '{ns}' (or it expired).", "Unknown key");
    }

    private static async Task<Results<Ok<ValueResponse>, ProblemHttpResult>> SetAsync(
        string @namespace, string key, JsonElement value, int? ttlSeconds, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        if (ttlSeconds is <= 0)
        {
            return MemoryProblems.BadRequest("ttlSeconds must be positive.");
        }

        var json = value.GetRawText();
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxValueBytes)
        {
            return TypedResults.Problem($"The value is larger than {MaxValueBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Value too large");
        }

        try
        {
            var ttl = ttlSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return TypedResults.Ok(ValueResponse.From(ns.ToString(), await Values(store).SetValueAsync(ns, key, json, ttl, cancellationToken)));
        }
        catch (ArgumentException ex)
        {
            return MemoryProblems.BadRequest(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string @namespace, string key, IMemoryStore store, CancellationToken cancellationToken)
    {
        if (!MemoryRequestParser.TryNamespace(@namespace, out var ns, out var problem))
        {
            return problem;
        }

        return await Values(store).DeleteValueAsync(ns, key, cancellationToken)
            ? TypedResults.NoContent()
            : MemoryProblems.NotFound($"No value '{key}' in namespace '{ns}' (or it expired).", "Unknown key");
    }

    // Both stores keep values beside the documents; the cast keeps one registration for one database.
    private static IMemoryValueStore Values(IMemoryStore store) => (IMemoryValueStore)store;
}
