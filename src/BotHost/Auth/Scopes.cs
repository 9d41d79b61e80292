using System.Diagnostics.CodeAnalysis;

namespace ChatCouncil.BotHost.Auth;

/// <summary>
/// API key scopes, which are also the names of the authorization policies. They form one ladder:
/// <c>admin</c> grants <c>chat</c>, and <c>chat</c> grants <c>read</c>.
/// </summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Chat = "chat";
    public const string Admin = "admin";

    /// <summary>Claim type carrying each scope a key holds, as stored (not expanded).</summary>
    public const string ClaimType = "scope";

    /// <summary>Every scope, weakest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Chat, Admin];

    public static bool IsKnown(string scope) => Rank(scope) > 0;

    /// <summary>Whether a key holding <paramref name="held"/> may use a route that needs <paramref name="required"/>.</summary>
    public static bool Grants(IEnumerable<string> held, string required)
    {
        ArgumentNullException.ThrowIfNull(held);
        var needed = Rank(required);
        return needed > 0 && held.Any(scope => Rank(scope) >= needed);
    }

    /// <summary>Validated, de-duplicated, weakest first.</summary>
    /// <exception cref="ArgumentException">No scope, or one that is not known.</exception>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> scopes) =>
        TryNormalize(scopes, out var normalized, out var error) ? normalized : throw new ArgumentException(error, nameof(scopes));

    public static bool TryNormalize(IEnumerable<string> scopes, out IReadOnlyList<string> normalized, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        normalized = [];
        var trimmed = scopes.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        var unknown = trimmed.FirstOrDefault(s => !IsKnown(s));
        error = unknown is not null ? $"Unknown scope '{unknown}'; the scopes are {string.Join(", ", All)}."
            : trimmed.Count == 0 ? $"At least one scope is needed: {string.Join(", ", All)}."
            : null;
        if (error is not null)
        {
            return false;
        }

        normalized = [.. trimmed.OrderBy(Rank)];
        return true;
    }

    private static int Rank(string scope) => scope switch
    {
        Read => 1,
        Chat => 2,
        Admin => 3,
        _ => 0,
    };
}
