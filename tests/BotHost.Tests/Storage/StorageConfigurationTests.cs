using ChatCouncil.BotHost.Storage;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Storage;

/// <summary>
/// A wrong storage setting stops the start with a message that says what to set, before any hosted service runs.
/// (A host of its own rather than the web factory: when a start fails, the factory and Program's thread race
/// to dispose the host, which can hide the real exception.)
/// </summary>
public sealed class StorageConfigurationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Storage:Provider"] = "postgres" }));

        Assert.Contains("Storage:ConnectionString is required when Storage:Provider is 'postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresConnectionStringWithoutHost_FailsNamingTheFix()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Database=x" }));

        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedPostgresConnectionString_FailsWithoutEchoingIt()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=db;Passwrd=hunter2" }));

        Assert.Contains("not a valid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmptySqlitePath_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Storage:SqlitePath"] = "" }));

        Assert.Contains("Storage:SqlitePath is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownProvider_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => StartAsync(new() { ["Storage:Provider"] = "mysql" }));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SqlitePathUnderAFile_FailsNamingThePath()
    {
        var blocker = _directory.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var path = Path.Combine(blocker, "chatcouncil.db");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Storage:SqlitePath"] = path }));

        Assert.Contains($"Cannot open the SQLite database '{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:SqlitePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresServerUnreachable_FailsSayingSo()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=x;Password=secret-pw;Timeout=3",
        }));

        Assert.Contains("Cannot reach the PostgreSQL database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DefaultSettings_MigratesTheSqliteFileUnderContentRoot()
    {
        await StartAsync([]);

        Assert.True(File.Exists(Path.Combine(_directory.Path, "data", "chatcouncil.db")));
    }

    public void Dispose() => _directory.Dispose();

    private async Task StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory.Path });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
