using Microsoft.AspNetCore.Builder;

namespace ChatCouncil.BotHost.Auth;

public static class ScopeEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires an API key that grants <paramref name="scope"/> (one of <see cref="Scopes"/>) on an endpoint or a route group.
    /// Routes without any requirement still need a key with <see cref="Scopes.Read"/> (the fallback policy);
    /// public routes say so with <c>AllowAnonymous()</c>.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!Scopes.IsKnown(scope))
        {
            throw new ArgumentException($"Unknown scope '{scope}'; the scopes are {string.Join(", ", Scopes.All)}.", nameof(scope));
        }

        return builder.RequireAuthorization(scope);
    }
}
