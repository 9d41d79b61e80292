using System.Diagnostics.CodeAnalysis;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Memory;

/// <summary>Route and query values to memory types, or the 400 that says what is wrong with them.</summary>
internal static class MemoryRequestParser
{
    public static bool TryNamespace(string text, out MemoryNamespace ns, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = MemoryNamespace.TryParse(text, out ns, out var error) ? null : MemoryProblems.BadRequest(error, "Invalid namespace");
        return problem is null;
    }

    public static bool TryAgent(string agentId, out MemoryNamespace ns, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ns = default;
        problem = MemoryNamespace.ValidateId(agentId) is { } error ? MemoryProblems.BadRequest(error, "Invalid agent id") : null;
        if (problem is null)
        {
            ns = MemoryNamespace.Agent(agentId);
        }

        return problem is null;
    }

    public static bool TryFilter(string? text, [NotNullWhen(true)] out MemoryFilter? filter, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = MemoryFilter.TryParse(text, out filter, out var error) ? null : MemoryProblems.BadRequest(error, "Invalid filter");
        return problem is null;
    }

    public static ProblemHttpResult? CheckSearch(int? limit, double? minRelevance) =>
        limit is < 1 or > MemoryQuery.MaxLimit ? MemoryProblems.BadRequest($"limit must be between 1 and {MemoryQuery.MaxLimit}.")
        : minRelevance is < -1 or > 1 ? MemoryProblems.BadRequest("minRelevance must be between -1 and 1.")
        : null;
}
