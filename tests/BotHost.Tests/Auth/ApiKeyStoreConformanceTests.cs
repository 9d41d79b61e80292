using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.BotHost.Tests.Auth;

/// <summary>What every <see cref="IApiKeyStore"/> must do, on every database.</summary>
public abstract partial class ApiKeyStoreConformanceTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new();

    protected IApiKeyStore Store { get; private set; } = null!;

    /// <summary>A store on an empty, migrated database.</summary>
    protected abstract Task<IApiKeyStore> CreateStoreAsync(TimeProvider time);

    /// <summary>Every cell of the api_keys table as text (byte arrays as hex and as UTF-8), to look for leaked secrets.</summary>
    protected abstract Task<IReadOnlyList<string>> ReadKeyTableAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateAsync_ReturnsKeyInDocumentedFormat()
    {
        var created = await Store.CreateAsync("ci", ["chat", "read"]);

        Assert.Matches(KeyPattern(), created.Key);
        Assert.StartsWith($"cc_{created.Info.Id}_", created.Key, StringComparison.Ordinal);
        Assert.Equal(["read", "chat"], created.Info.Scopes);
        Assert.Equal(Time.GetUtcNow(), created.Info.CreatedAt);
        Assert.DoesNotContain(created.Key, created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_TwoKeys_DifferInIdAndSecret()
    {
        var first = await Store.CreateAsync("a", [Scopes.Read]);
        var second = await Store.CreateAsync("a", [Scopes.Read]);

        Assert.NotEqual(first.Info.Id, second.Info.Id);
        Assert.NotEqual(first.Key[^43..], second.Key[^43..]);
    }

    [Fact]
    public async Task CreateAsync_StoresOnlyAHashOfTheSecret()
    {
        var created = await Store.CreateAsync("ci", [Scopes.Admin]);
        var secret = created.Key[^43..];

        var cells = await ReadKeyTableAsync();

        Assert.DoesNotContain(cells, cell => cell.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, cell => cell.Contains(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret)), StringComparison.Ordinal));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), cells);
    }

    [Fact]
    public async Task VerifyAsync_CreatedKey_IsValidWithItsInfo()
    {
        var created = await Store.CreateAsync("alice laptop", [Scopes.Chat]);

        var verification = await Store.VerifyAsync(created.Key);

        Assert.Equal(ApiKeyStatus.Valid, verification.Status);
        Assert.Equal(created.Info.Id, verification.Key!.Id);
        Assert.Equal("alice laptop", verification.Key.Name);
        Assert.Equal([Scopes.Chat], verification.Key.Scopes);
    }

    [Fact]
    public async Task VerifyAsync_RightIdWrongSecret_IsInvalid()
    {
        var created = await Store.CreateAsync("ci", [Scopes.Read]);
        var other = await Store.CreateAsync("other", [Scopes.Read]);
        var forged = created.Key[..^43] + other.Key[^43..];

        var verification = await Store.VerifyAsync(forged);

        Assert.Equal(ApiKeyVerification.Invalid, verification);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cc_")]
    [InlineData("Bearer cc_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cc_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cc_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cc_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("cc_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("' OR 1=1 --")]
    public async Task VerifyAsync_MalformedOrUnknownKey_IsInvalid(string key)
    {
        await Store.CreateAsync("ci", [Scopes.Read]);

        Assert.Equal(ApiKeyVerification.Invalid, await Store.VerifyAsync(key));
    }

    [Fact]
    public async Task VerifyAsync_AppendedCharacter_IsInvalid()
    {
        var created = await Store.CreateAsync("ci", [Scopes.Read]);

        Assert.Equal(ApiKeyStatus.Invalid, (await Store.VerifyAsync(created.Key + "A")).Status);
        Assert.Equal(ApiKeyStatus.Invalid, (await Store.VerifyAsync(created.Key[..^1])).Status);
    }

    [Fact]
    public async Task RevokeAsync_ThenVerify_IsRevoked()
    {
        var created = await Store.CreateAsync("ci", [Scopes.Admin]);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.True(await Store.RevokeAsync(created.Info.Id));

        var verification = await Store.VerifyAsync(created.Key);
        Assert.Equal(ApiKeyStatus.Revoked, verification.Status);
        Assert.Equal(Time.GetUtcNow(), verification.Key!.RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_Twice_KeepsTheFirstRevocationTime()
    {
        var created = await Store.CreateAsync("ci", [Scopes.Read]);
        await Store.RevokeAsync(created.Info.Id);
        var firstTime = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromDays(1));

        Assert.True(await Store.RevokeAsync(created.Info.Id));

        Assert.Equal(firstTime, Assert.Single(await Store.ListAsync()).RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_UnknownId_ReturnsFalse()
    {
        Assert.False(await Store.RevokeAsync("0123456789ab"));
    }

    [Fact]
    public async Task RevokeAsync_OneKey_LeavesOthersValid()
    {
        var revoked = await Store.CreateAsync("old", [Scopes.Read]);
        var kept = await Store.CreateAsync("new", [Scopes.Read]);

        await Store.RevokeAsync(revoked.Info.Id);

        Assert.Equal(ApiKeyStatus.Valid, (await Store.VerifyAsync(kept.Key)).Status);
    }

    [Fact]
    public async Task ListAsync_ReturnsEveryKeyOldestFirst_RevokedIncluded()
    {
        var first = await Store.CreateAsync("first", [Scopes.Read]);
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = await Store.CreateAsync("second", [Scopes.Admin, Scopes.Chat]);
        await Store.RevokeAsync(first.Info.Id);

        var keys = await Store.ListAsync();

        Assert.Equal([first.Info.Id, second.Info.Id], keys.Select(k => k.Id));
        Assert.True(keys[0].IsRevoked);
        Assert.False(keys[1].IsRevoked);
        Assert.Equal([Scopes.Chat, Scopes.Admin], keys[1].Scopes);
    }

    [Fact]
    public async Task VerifyAsync_RepeatedUse_MovesLastUsedAtMostOncePerMinute()
    {
        var created = await Store.CreateAsync("ci", [Scopes.Read]);
        Assert.Null(created.Info.LastUsedAt);
        var firstUse = Time.GetUtcNow();

        await Store.VerifyAsync(created.Key);
        Time.Advance(TimeSpan.FromSeconds(30));
        var soonAfter = await Store.VerifyAsync(created.Key);
        Time.Advance(TimeSpan.FromSeconds(31));
        await Store.VerifyAsync(created.Key);

        Assert.Equal(firstUse, soonAfter.Key!.LastUsedAt);
        Assert.Equal(Time.GetUtcNow(), Assert.Single(await Store.ListAsync()).LastUsedAt);
    }

    [Fact]
    public async Task CreateFirstAsync_EmptyStore_CreatesTheKey()
    {
        var created = await Store.CreateFirstAsync("first-run admin", [Scopes.Admin]);

        Assert.NotNull(created);
        Assert.Equal(ApiKeyStatus.Valid, (await Store.VerifyAsync(created.Key)).Status);
    }

    [Fact]
    public async Task CreateFirstAsync_KeyExists_CreatesNothing()
    {
        await Store.CreateAsync("existing", [Scopes.Read]);

        Assert.Null(await Store.CreateFirstAsync("first-run admin", [Scopes.Admin]));
        Assert.Single(await Store.ListAsync());
    }

    [Fact]
    public async Task CreateFirstAsync_ConcurrentFirstStarts_CreateExactlyOneKey()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Store.CreateFirstAsync("first-run admin", [Scopes.Admin]))));

        Assert.Single(results, r => r is not null);
        Assert.Single(await Store.ListAsync());
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("")]
    public async Task CreateAsync_UnknownOrNoScope_Throws(string scope)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync("ci", [scope]));

        Assert.Contains("read, chat, admin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_BlankOrLongName_Throws()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CreateAsync(" ", [Scopes.Read]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CreateAsync(new string('n', 101), [Scopes.Read]));
    }

    [GeneratedRegex("^cc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyPattern();
}
