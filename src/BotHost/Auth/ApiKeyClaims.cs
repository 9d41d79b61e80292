using System.Security.Claims;
using ChatCouncil.BotHost.Auth.Keys;

namespace ChatCouncil.BotHost.Auth;

/// <summary>How an authenticated key appears on <see cref="ClaimsPrincipal"/>: id, name and held scopes.</summary>
public static class ApiKeyClaims
{
    public static string? GetApiKeyId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    public static IReadOnlyList<string> GetScopes(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. user.FindAll(Scopes.ClaimType).Select(c => c.Value)];
    }

    internal static ClaimsPrincipal ToPrincipal(ApiKeyInfo key)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id),
            new(ClaimTypes.Name, key.Name),
        };
        claims.AddRange(key.Scopes.Select(scope => new Claim(Scopes.ClaimType, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.AuthenticationScheme));
    }
}
