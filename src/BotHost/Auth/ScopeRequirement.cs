using Microsoft.AspNetCore.Authorization;

namespace ChatCouncil.BotHost.Auth;

/// <summary>Met when the key holds <see cref="Scope"/> or a scope that grants it.</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}
