namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>What is known about a key, never its secret. <see cref="Id"/> is the public part of the key.</summary>
public sealed record ApiKeyInfo(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
