using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// The bearer token for GitHub calls: the configured personal token, or, as a GitHub App, an installation token minted
/// with the App JWT and cached per installation until <see cref="GitHubApiOptions.TokenRefreshMargin"/> before its
/// expires_at. Concurrent callers share one mint. Thread-safe; a singleton.
/// </summary>
public sealed class GitHubTokenSource(HttpClient http, IOptions<GitHubApiOptions> options, TimeProvider time, ILogger<GitHubTokenSource> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _mint = new(1, 1);
    private readonly Lazy<RSA> _key = new(() => LoadKey(options.Value));

    public async Task<string> GetTokenAsync(string? installationId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UsesApp)
        {
            return settings.Token!;
        }

        var installation = installationId ?? settings.InstallationId
            ?? throw new ChatPlatformException(ChatPlatform.GitHub, "GitHub App replies need an installation id: none came with the event and Connectors:GitHub:InstallationId is not set.", isTransient: false);
        if (Fresh(installation) is { } cached)
        {
            return cached;
        }

        await _mint.WaitAsync(cancellationToken);
        try
        {
            return Fresh(installation) ?? await MintAsync(installation, cancellationToken);
        }
        finally
        {
            _mint.Release();
        }
    }

    /// <summary>A fresh App JWT, for the endpoints that authenticate as the App itself (/app/…).</summary>
    public string CreateAppJwt()
    {
        var settings = options.Value;
        if (!settings.UsesApp || string.IsNullOrWhiteSpace(settings.AppId))
        {
            throw new ChatPlatformException(ChatPlatform.GitHub, "This call needs the GitHub App: set Connectors:GitHub:AppId and its private key (and no Token).", isTransient: false);
        }

        return GitHubAppJwt.Create(_key.Value, settings.AppId, time.GetUtcNow());
    }

    /// <summary>Forgets a token GitHub refused (revoked, app reinstalled), so the next call mints a new one.</summary>
    public void Invalidate(string? installationId)
    {
        if ((installationId ?? options.Value.InstallationId) is { } installation)
        {
            _tokens.TryRemove(installation, out _);
        }
    }

    public void Dispose()
    {
        _mint.Dispose();
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }

    private string? Fresh(string installation) =>
        _tokens.TryGetValue(installation, out var entry) && time.GetUtcNow() < entry.ExpiresAt - options.Value.TokenRefreshMargin ? entry.Token : null;

    private async Task<string> MintAsync(string installation, CancellationToken cancellationToken)
    {
        const string operation = "installation token";
        var settings = options.Value;
        var jwt = CreateAppJwt();
        using var request = GitHubRequests.Create(HttpMethod.Post, $"app/installations/{Uri.EscapeDataString(installation)}/access_tokens", jwt, settings);
        using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.GitHub, operation, cancellationToken);
        await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.GitHub, operation, time, cancellationToken);
        var answer = await PlatformCall.ReadJsonAsync(response, ChatPlatform.GitHub, operation, cancellationToken);
        if (answer.ValueKind != JsonValueKind.Object
            || !answer.TryGetProperty("token", out var token) || token.GetString() is not { Length: > 0 } value
            || !answer.TryGetProperty("expires_at", out var expires) || !expires.TryGetDateTimeOffset(out var expiresAt))
        {
            throw new ChatPlatformException(ChatPlatform.GitHub, "GitHub answered an installation token request without token and expires_at.", isTransient: false);
        }

        _tokens[installation] = (value, expiresAt);
        OutboundLog.InstallationTokenMinted(logger, installation, expiresAt);
        return value;
    }

    private static RSA LoadKey(GitHubApiOptions settings)
    {
        var pem = !string.IsNullOrWhiteSpace(settings.PrivateKey) ? settings.PrivateKey
            : !string.IsNullOrWhiteSpace(settings.PrivateKeyPath) ? File.ReadAllText(settings.PrivateKeyPath)
            : throw new InvalidOperationException("A GitHub App needs Connectors:GitHub:PrivateKey or Connectors:GitHub:PrivateKeyPath.");
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new InvalidOperationException("The GitHub App private key is not a PEM RSA key (PKCS#1 \"BEGIN RSA PRIVATE KEY\" or PKCS#8).", e);
        }
    }
}
