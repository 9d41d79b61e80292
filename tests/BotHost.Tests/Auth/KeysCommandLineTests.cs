using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.BotHost.Tests.Auth;

public sealed class KeysCommandLineTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string DatabasePath => _directory.File("cli.db");

    [Fact]
    public async Task Create_PrintsAWorkingKeyOnce()
    {
        var exit = await RunAsync("keys", "create", "--name", "ci", "--scopes", "chat,read");

        Assert.Equal(0, exit);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var key = lines[^1].Trim();
        Assert.Single(lines, line => line.Contains(key, StringComparison.Ordinal));
        var verification = await KeyStore().VerifyAsync(key);
        Assert.Equal(ApiKeyStatus.Valid, verification.Status);
        Assert.Equal("ci", verification.Key!.Name);
        Assert.Equal([Scopes.Read, Scopes.Chat], verification.Key.Scopes);
    }

    [Fact]
    public async Task List_ShowsKeysButNoSecret()
    {
        await RunAsync("keys", "create", "--name", "alice laptop", "--scopes", "admin");
        var key = _output.ToString().Trim().Split('\n')[^1];
        _output.GetStringBuilder().Clear();

        var exit = await RunAsync("keys", "list");

        Assert.Equal(0, exit);
        var listing = _output.ToString();
        Assert.Contains("alice laptop", listing, StringComparison.Ordinal);
        Assert.Contains(key.Split('_')[1], listing, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^43..], listing, StringComparison.Ordinal);
        Assert.Contains("active", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoKeys_SaysSo()
    {
        Assert.Equal(0, await RunAsync("keys", "list"));

        Assert.Equal("No API keys.\n", _output.ToString());
    }

    [Fact]
    public async Task Revoke_KnownId_MakesTheKeyRevoked()
    {
        var created = await (await MigratedKeyStoreAsync()).CreateAsync("ci", [Scopes.Chat]);

        var exit = await RunAsync("keys", "revoke", created.Info.Id);

        Assert.Equal(0, exit);
        Assert.Equal(ApiKeyStatus.Revoked, (await KeyStore().VerifyAsync(created.Key)).Status);
        Assert.Contains($"Revoked key {created.Info.Id}.", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_UnknownId_FailsWithMessage()
    {
        var exit = await RunAsync("keys", "revoke", "0123456789ab");

        Assert.Equal(1, exit);
        Assert.Contains("no key has the id '0123456789ab'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownScope_FailsWithoutCreatingAKey()
    {
        var exit = await RunAsync("keys", "create", "--name", "ci", "--scopes", "read,root");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown scope 'root'", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await (await MigratedKeyStoreAsync()).ListAsync());
    }

    [Fact]
    public async Task Create_MissingOptions_FailsNamingThem()
    {
        var exit = await RunAsync("keys", "create");

        Assert.NotEqual(0, exit);
        Assert.Contains("--name", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--scopes", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidStorageConfiguration_FailsWithTheValidationMessage()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres" })
            .Build();

        var exit = await KeysCommandLine.RunAsync(["keys", "list"], configuration, _output, _error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Storage:ConnectionString is required", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsKeysCommand_OnlyForKeysFirst()
    {
        Assert.True(KeysCommandLine.IsKeysCommand(["keys", "list"]));
        Assert.False(KeysCommandLine.IsKeysCommand([]));
        Assert.False(KeysCommandLine.IsKeysCommand(["--urls", "http://127.0.0.1:1", "keys"]));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _directory.Dispose();
    }

    private Task<int> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "sqlite",
                ["Storage:SqlitePath"] = DatabasePath,
            })
            .Build();
        return KeysCommandLine.RunAsync(args, configuration, _output, _error, CancellationToken.None);
    }

    private SqliteApiKeyStore KeyStore() => new(new SqliteDatabase(DatabasePath), TimeProvider.System);

    private async Task<SqliteApiKeyStore> MigratedKeyStoreAsync()
    {
        var database = new SqliteDatabase(DatabasePath);
        await new SqliteMigrator(database, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new SqliteApiKeyStore(database, TimeProvider.System);
    }
}
