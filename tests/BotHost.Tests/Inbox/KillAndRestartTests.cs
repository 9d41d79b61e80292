using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Files;
using Xunit.Abstractions;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>
/// The shipped BotHost as a child process on a SQLite file, killed with SIGKILL while it answers, then started
/// again: every event it acknowledged is answered, none twice, each thread in order; with the real Slack client
/// against a stand-in Slack, each streamed answer ends in its one message.
/// </summary>
public sealed class KillAndRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Threads = 5;
    private const int PerThread = 6;
    private readonly TempDirectory _directory = new();

    private string RepliesFile => _directory.File("replies.txt");

    [Fact]
    public async Task Sigkill_MidProcessing_RestartAnswersEveryAcceptedEventExactlyOnce()
    {
        var port = FreePort();
        var sent = new List<(string Thread, string EventId)>();
        using (var first = await StartAsync(port))
        {
            using var client = SignedClient(port);
            for (var i = 0; i < PerThread; i++)
            {
                for (var t = 0; t < Threads; t++)
                {
                    var thread = $"17100{t:00}000.000100";
                    var eventId = $"EvKill-{t}-{i}";
                    using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events",
                        Payloads.SlackMention(eventId, $"17100{t:00}000.{i + 100:000000}", thread: thread, channel: "CKILL")));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    sent.Add((thread, eventId));
                }
            }

            await File.WriteAllTextAsync(RepliesFile + ".go", "");
            await WaitUntilAsync(() => Delivered().Count >= 3, TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var beforeRestart = Delivered().Count;
        output.WriteLine($"Killed after {beforeRestart} of {sent.Count} replies.");
        Assert.InRange(beforeRestart, 1, sent.Count - 1);

        using var second = await StartAsync(port);
        await WaitUntilAsync(() => Delivered().Count >= sent.Count, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        second.Kill(entireProcessTree: true);

        var delivered = Delivered();
        var attempts = File.ReadAllLines(RepliesFile + ".attempts").Length;
        output.WriteLine($"{delivered.Count} replies delivered from {attempts} sends.");
        Assert.Equal(sent.Select(s => s.EventId).Order(StringComparer.Ordinal), delivered.Select(d => d.EventId).Order(StringComparer.Ordinal));
        foreach (var thread in sent.GroupBy(s => s.Thread))
        {
            Assert.Equal(thread.Select(s => s.EventId), delivered.Where(d => d.Thread == thread.Key).Select(d => d.EventId));
        }
    }

    [Fact]
    public async Task Sigkill_WhileAnswersStreamToSlack_RestartFinishesEachAnswerInItsOneMessage()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.AnswerDelay = TimeSpan.FromMilliseconds(60);
        var settings = new Dictionary<string, string>
        {
            ["Connectors__Slack__Enabled"] = "true",
            ["Connectors__Slack__BotToken"] = FakeSlackApi.BotToken,
            ["Connectors__Slack__ApiBaseUrl"] = slack.ApiUrl.ToString(),
            ["Connectors__Slack__StreamEditInterval"] = "00:00:00.020",
            ["Inbox__ReplyMaxTokens"] = "200",
        };
        var port = FreePort();
        var sent = new List<string>();
        using (var first = await StartAsync(port, settings))
        {
            using var client = SignedClient(port);
            for (var i = 0; i < 3; i++)
            {
                for (var t = 0; t < 3; t++)
                {
                    var eventId = $"EvStream-{t}-{i}";
                    using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events",
                        Payloads.SlackMention(eventId, $"17200{t:00}000.{i + 100:000000}", thread: $"17200{t:00}000.000100", channel: "CSTREAM")));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    sent.Add(eventId);
                }
            }

            await WaitUntilAsync(() => slack.Updates.Count >= 6, TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var answeredBeforeRestart = (await AnswersAsync()).Count;
        output.WriteLine($"Killed with {answeredBeforeRestart} of {sent.Count} events done, {slack.Messages.Count} messages posted.");
        Assert.InRange(answeredBeforeRestart, 0, sent.Count - 1);

        using var second = await StartAsync(port, settings);
        await WaitUntilAsync(async () => (await AnswersAsync()).Count == sent.Count, TimeSpan.FromSeconds(120));
        second.Kill(entireProcessTree: true);
        await second.WaitForExitAsync();

        var answers = await AnswersAsync();
        foreach (var eventId in sent)
        {
            var mine = slack.Messages.Where(m => m.Metadata?.GetProperty("event_payload").GetProperty("key").GetString() == eventId).ToList();
            var expected = MessageSplitter.Split(SlackMrkdwn.Render(MarkdownTables.Fence(answers["slack:" + eventId])), 3000);
            Assert.Equal(expected, mine.Select(m => slack.Current[m.Ts].Text));
        }
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The answers of the events the inbox has finished, by event key, read from the child's database.</summary>
    private async Task<Dictionary<string, string>> AnswersAsync()
    {
        await using var connection = await new SqliteDatabase(_directory.File("bot.db")).OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_key, answer FROM inbox_events WHERE status = 'done';";
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            answers[reader.GetString(0)] = reader.GetString(1);
        }

        return answers;
    }

    private List<(string EventId, string Thread)> Delivered() =>
        !File.Exists(RepliesFile)
            ? []
            : [.. File.ReadAllLines(RepliesFile).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (p[0], p[1]))];

    private async Task<Process> StartAsync(int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test project's deps and runtime config, so the child can load this assembly's hosting startup.
        foreach (var arg in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(directory, "ChatCouncil.BotHost.Tests.runtimeconfig.json"),
            "--depsfile", Path.Combine(directory, "ChatCouncil.BotHost.Tests.deps.json"),
            typeof(Program).Assembly.Location,
        })
        {
            start.ArgumentList.Add(arg);
        }

        // The child's environment only; this test process's environment is left alone.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = typeof(FileRecordingStartup).Assembly.GetName().Name!,
            [FileRecordingStartup.RepliesVariable] = settings is null ? RepliesFile : "",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__Provider"] = "sqlite",
            ["Storage__SqlitePath"] = _directory.File("bot.db"),
            ["Inference__ModelDirectory"] = BotHostFactory.SharedModelDirectory,
            ["Inference__Backend"] = "cpu",
            ["Webhooks__Slack__Enabled"] = "true",
            ["Webhooks__Slack__SigningSecret"] = WebhookHostFactory.SlackSecret,
            ["Inbox__PollInterval"] = "00:00:00.050",
            ["Inbox__RetryDelay"] = "00:00:00.050",
            ["Inbox__ReplyMaxTokens"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ChatCouncil"] = "Information",
        };
        foreach (var (name, value) in environment.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilAsync(async () =>
        {
            Assert.False(process.HasExited, "The BotHost child exited during start; see the test output.");
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90));
        return process;
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test has ended; the child's last words have nowhere to go.
            }
        }
    }

    private static HttpClient SignedClient(int port) =>
        new(new PlatformSigningHandler(WebhookHostFactory.SlackSecret, new DiscordTestKey(), "unused") { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {timeout}.");
            await Task.Delay(50);
        }
    }
}
