using System.Diagnostics;
using ChatCouncil.TestSupport.Files;

namespace ChatCouncil.BotHost.Tests.Auth;

/// <summary>The shipped entry point: <c>dotnet ChatCouncil.BotHost.dll keys …</c> runs the CLI and exits, no web host.</summary>
public sealed class ProgramKeysCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Main_KeysCreateThenList_UsesTheConfiguredStorageAndExits()
    {
        var (createExit, created, _) = await RunAsync("keys", "create", "--name", "from process", "--scopes", "read");
        var (listExit, listed, _) = await RunAsync("keys", "list");

        Assert.Equal(0, createExit);
        Assert.Matches("cc_[0-9a-f]{12}_", created);
        Assert.Equal(0, listExit);
        Assert.Contains("from process", listed, StringComparison.Ordinal);
        Assert.True(File.Exists(_directory.File("cli.db")));
    }

    public void Dispose() => _directory.Dispose();

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child's environment only; this test process's environment is left alone.
        start.Environment["Storage__Provider"] = "sqlite";
        start.Environment["Storage__SqlitePath"] = _directory.File("cli.db");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
