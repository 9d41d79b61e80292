namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>
/// API keys in the bot's database, stored as SHA-256 hashes of their secret part. Thread-safe singleton.
/// Keys look like <c>cc_&lt;id&gt;_&lt;secret&gt;</c>: the id is public (it names the key in listings), the secret is
/// 256 random bits in base64url.
/// </summary>
public interface IApiKeyStore
{
    /// <exception cref="ArgumentException">Empty or too long name, no scope, or an unknown scope.</exception>
    Task<CreatedApiKey> CreateAsync(string name, IEnumerable<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>Creates the key only when the store holds no key at all (atomically, so two first starts mint one).</summary>
    /// <returns>null when some key already exists.</returns>
    Task<CreatedApiKey?> CreateFirstAsync(string name, IEnumerable<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>All keys, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <returns>false when no key has this id. Revoking twice keeps the first revocation time.</returns>
    Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a presented key in constant time against the stored hash, and records its use
    /// (<see cref="ApiKeyInfo.LastUsedAt"/> moves at most once a minute, so reads do not each write).
    /// </summary>
    Task<ApiKeyVerification> VerifyAsync(string key, CancellationToken cancellationToken = default);
}
