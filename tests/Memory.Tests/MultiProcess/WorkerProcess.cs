using System.Diagnostics;
using System.Text;

namespace ChatCouncil.Memory.Tests.MultiProcess;

/// <summary>A tests/MemoryWorker child process, with its output kept for the failure message.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs the worker with the test assembly's runtime config and dependencies, which include the worker.</summary>
    public static WorkerProcess Start(string name, IEnumerable<string> arguments)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(directory, "ChatCouncil.Memory.Tests.runtimeconfig.json"),
            "--depsfile", Path.Combine(directory, "ChatCouncil.Memory.Tests.deps.json"),
            Path.Combine(directory, "ChatCouncil.MemoryWorker.dll"),
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var worker = new WorkerProcess(Process.Start(start)!, name);
        worker._process.OutputDataReceived += (_, e) => worker.Capture(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Capture(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Completes when the worker has printed its first line.</summary>
    public Task Started => _started.Task;

    /// <summary>Waits for the worker to exit and fails, with its output, unless it exited with 0.</summary>
    public async Task AssertSucceedsAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} did not finish within {within}. Output:\n{Output}");
        }

        Assert.True(_process.ExitCode == 0, $"{Name} exited with {_process.ExitCode}. Output:\n{Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        _started.TrySetResult();
    }
}
