using ChatCouncil.BotHost.Storage;

namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>
/// Key minting and verification, the same for every database; subclasses only store and fetch rows.
/// </summary>
internal abstract class ApiKeyStore(TimeProvider time) : IApiKeyStore
{
    public const int MaxNameLength = 100;

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected TimeProvider Time => time;

    public async Task<CreatedApiKey> CreateAsync(string name, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        var (info, key, hash) = Mint(name, scopes);
        await InsertAsync(info, hash, onlyIfEmpty: false, cancellationToken);
        return new CreatedApiKey(info, key);
    }

    public async Task<CreatedApiKey?> CreateFirstAsync(string name, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        var (info, key, hash) = Mint(name, scopes);
        return await InsertAsync(info, hash, onlyIfEmpty: true, cancellationToken) ? new CreatedApiKey(info, key) : null;
    }

    public abstract Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default);

    public abstract Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default);

    public async Task<ApiKeyVerification> VerifyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyFormat.TryParse(key, out var id, out var secret))
        {
            return ApiKeyVerification.Invalid;
        }

        var stored = await FindAsync(id, cancellationToken);
        if (stored is null || !ApiKeyFormat.SecretMatches(stored.SecretHash, secret))
        {
            return ApiKeyVerification.Invalid;
        }

        if (stored.Info.IsRevoked)
        {
            return new ApiKeyVerification(ApiKeyStatus.Revoked, stored.Info);
        }

        var info = stored.Info;
        var now = time.GetUtcNowMilliseconds();
        if (info.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            await TouchAsync(id, now, cancellationToken);
            info = info with { LastUsedAt = now };
        }

        return new ApiKeyVerification(ApiKeyStatus.Valid, info);
    }

    /// <returns>false when <paramref name="onlyIfEmpty"/> is set and the table already holds a key.</returns>
    protected abstract Task<bool> InsertAsync(ApiKeyInfo info, byte[] secretHash, bool onlyIfEmpty, CancellationToken cancellationToken);

    protected abstract Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken);

    protected abstract Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    protected static string JoinScopes(IReadOnlyList<string> scopes) => string.Join(',', scopes);

    protected static IReadOnlyList<string> SplitScopes(string scopes) => scopes.Split(',');

    private (ApiKeyInfo Info, string Key, byte[] Hash) Mint(string name, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A key name has at most {MaxNameLength} characters.", nameof(name));
        }

        var normalized = Scopes.Normalize(scopes);
        var (id, secret, key) = ApiKeyFormat.Generate();
        var info = new ApiKeyInfo(id, name, normalized, time.GetUtcNowMilliseconds(), LastUsedAt: null, RevokedAt: null);
        return (info, key, ApiKeyFormat.HashSecret(secret));
    }
}
