using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class GitHubAppTokenTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationKey Issue = new(ChatPlatform.GitHub, "octo", "hello-world", "17");

    private readonly OutboundHarness _harness = new();
    private readonly RSA _appKey = RSA.Create(2048);
    private readonly RSA _publicKey = RSA.Create();
    private FakeGitHubApi _github = null!;

    public async Task InitializeAsync()
    {
        _publicKey.ImportRSAPublicKey(_appKey.ExportRSAPublicKey(), out _);
        _github = await FakeGitHubApi.StartAsync(appKey: _publicKey, time: _harness.Time);
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose()
    {
        _harness.Dispose();
        _appKey.Dispose();
        _publicKey.Dispose();
    }

    [Fact]
    public void Create_AppJwt_IsRs256VerifiableWithThePublicKeyAndFollowsGitHubsClaimRules()
    {
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var jwt = GitHubAppJwt.Create(_appKey, FakeGitHubApi.AppId, now);

        var parts = jwt.Split('.');
        Assert.True(_publicKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(now.ToUnixTimeSeconds() - 60, payload.RootElement.GetProperty("iat").GetInt64());
        Assert.InRange(payload.RootElement.GetProperty("exp").GetInt64(), now.ToUnixTimeSeconds() + 60, now.ToUnixTimeSeconds() + 600);
        Assert.Equal(424242, payload.RootElement.GetProperty("iss").GetInt64());
    }

    [Fact]
    public async Task SendAsync_AsApp_MintsAnInstallationTokenAndCommentsWithIt()
    {
        var (client, _, _) = App();

        await client.SendAsync(Turns.Reply(Issue, "as the app", context: Installation("77")), CancellationToken.None);

        var minted = Assert.Single(_github.MintedTokens);
        Assert.Equal("77", minted.InstallationId);
        Assert.Equal(FakeGitHubApi.AppId, minted.Issuer);
        Assert.Equal(_harness.Time.GetUtcNow().ToUnixTimeSeconds() - 60, minted.IssuedAt);
        Assert.Equal(minted.Token, Assert.Single(_github.Comments).Token);
    }

    [Fact]
    public async Task GetTokenAsync_SecondCallWithinValidity_MintsNoNewToken()
    {
        var (_, _, tokens) = App();

        var first = await tokens.GetTokenAsync("77", CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromMinutes(50));
        var second = await tokens.GetTokenAsync("77", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_github.MintedTokens);
    }

    [Fact]
    public async Task GetTokenAsync_NearExpiry_MintsAgain()
    {
        var (_, _, tokens) = App();

        var first = await tokens.GetTokenAsync("77", CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromMinutes(56));
        var second = await tokens.GetTokenAsync("77", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, _github.MintedTokens.Count);
    }

    [Fact]
    public async Task GetTokenAsync_TwoInstallations_MintsOneTokenEach()
    {
        var (_, _, tokens) = App();

        var a = await tokens.GetTokenAsync("1", CancellationToken.None);
        var b = await tokens.GetTokenAsync("2", CancellationToken.None);
        await tokens.GetTokenAsync("1", CancellationToken.None);

        Assert.NotEqual(a, b);
        Assert.Equal(["1", "2"], _github.MintedTokens.Select(t => t.InstallationId));
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_ShareOneMint()
    {
        var (_, _, tokens) = App();

        var all = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => tokens.GetTokenAsync("77", CancellationToken.None)));

        Assert.Single(all.Distinct());
        Assert.Single(_github.MintedTokens);
    }

    [Fact]
    public async Task SendAsync_CachedTokenRevoked_MintsANewOneAndPostsOnce()
    {
        var (client, _, tokens) = App();
        var revoked = await tokens.GetTokenAsync("77", CancellationToken.None);
        _github.Revoke(revoked);

        await client.SendAsync(Turns.Reply(Issue, "still here", context: Installation("77")), CancellationToken.None);

        Assert.Equal(2, _github.MintedTokens.Count);
        Assert.NotEqual(revoked, Assert.Single(_github.Comments).Token);
    }

    [Fact]
    public async Task GetTokenAsync_NoInstallationAnywhere_FailsNamingTheSetting()
    {
        var (_, _, tokens) = App();

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => tokens.GetTokenAsync(null, CancellationToken.None));

        Assert.Contains("Connectors:GitHub:InstallationId", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task GetTokenAsync_WrongPrivateKey_IsRefusedAndNotRetried()
    {
        using var otherKey = RSA.Create(2048);
        var (_, _, tokens) = App(otherKey);

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => tokens.GetTokenAsync("77", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Single(_github.Requests);
        Assert.Empty(_github.MintedTokens);
    }

    [Fact]
    public async Task SendAsync_AppFlow_NeverLogsTokensKeysOrJwts()
    {
        var (client, _, _) = App();
        _github.FailNext(1, 502);

        await client.SendAsync(Turns.Reply(Issue, "quiet", context: Installation("77")), CancellationToken.None);

        var logs = _harness.Logs.All;
        Assert.Contains("Minted a GitHub installation token", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Assert.Single(_github.MintedTokens).Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", logs, StringComparison.Ordinal);
    }

    private (GitHubChatPlatformClient Client, GitHubRestClient Api, GitHubTokenSource Tokens) App(RSA? key = null) =>
        _harness.GitHub(_github, o =>
        {
            o.Token = null;
            o.AppId = FakeGitHubApi.AppId;
            o.PrivateKey = (key ?? _appKey).ExportPkcs8PrivateKeyPem();
        });

    private static Dictionary<string, string> Installation(string id) => new() { ["installation_id"] = id };
}
