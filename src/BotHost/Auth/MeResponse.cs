namespace ChatCouncil.BotHost.Auth;

/// <summary>The calling key. <see cref="Scopes"/> are those it holds; <see cref="Grants"/> every scope they imply.</summary>
public sealed record MeResponse(string KeyId, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Grants);
