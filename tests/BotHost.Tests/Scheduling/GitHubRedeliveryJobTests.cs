using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Scheduling.GitHubRedelivery;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ChatCouncil.BotHost.Tests.Scheduling;

/// <summary>The redelivery sweep as the host's scheduler runs it, against the fake GitHub API.</summary>
public sealed class GitHubRedeliveryJobTests : GitHubAppTests
{
    [Fact]
    public async Task Sweep_FailedDeliveries_EachRedeliveredOnceAcrossSweeps()
    {
        var now = DateTimeOffset.UtcNow;
        Add(11, "delivered", now.AddMinutes(-50), 200);
        Add(12, "failed-then-redelivered", now.AddMinutes(-40), 500);
        Add(13, "failed-then-redelivered", now.AddMinutes(-39), 200, redelivery: true);
        Add(14, "failed", now.AddMinutes(-30), 502);
        Add(15, "timed-out", now.AddMinutes(-20), 0);
        Add(16, "failed-twice", now.AddMinutes(-10), 500);
        Add(17, "failed-twice", now.AddMinutes(-9), 503, redelivery: true);
        Add(18, "too-old", now.AddHours(-3), 500);
        using var host = new GitHubAppHostFactory(GitHub, AppKey);

        // The first sweep runs as the host starts.
        var first = await NextOutcomeAsync(host, previous: null);

        Assert.Equal(GitHubRedeliveryResult.Swept, first.Result);
        Assert.Equal((7, 3, 3), (first.Listed, first.FailedDeliveries, first.Requested));
        Assert.Equal([14L, 15L, 17L], GitHub.RedeliveryRequests.Order());
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("7 deliveries listed", StringComparison.Ordinal)
            && e.Message.Contains("3 failed, 3 redeliveries requested", StringComparison.Ordinal));

        // GitHub now lists the redeliveries as successful attempts: a second sweep asks for nothing more.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(GitHubRedeliveryJob.Key);
        var second = await NextOutcomeAsync(host, first);

        Assert.Equal((10, 0, 0), (second.Listed, second.FailedDeliveries, second.Requested));
        Assert.Equal([14L, 15L, 17L], GitHub.RedeliveryRequests.Order());
        Assert.All(GitHub.RequestsTo("/attempts"), r => Assert.Equal(202, r.Status));
    }

    [Fact]
    public async Task Health_AfterASweep_ShowsItsOutcome()
    {
        Add(21, "failed", DateTimeOffset.UtcNow.AddMinutes(-5), 500);
        using var host = new GitHubAppHostFactory(GitHub, AppKey);
        await NextOutcomeAsync(host, previous: null);

        using var client = host.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/health");

        var check = body.GetProperty("checks").GetProperty(GitHubRedeliveryHealthCheck.Name);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Equal("Swept", check.GetProperty("data").GetProperty("lastResult").GetString());
        Assert.Equal(1, check.GetProperty("data").GetProperty("redeliveriesRequested").GetInt32());
    }

    [Fact]
    public async Task Sweep_GitHubRefusesTheListing_RecordedAsFailedAndDegradedInHealth()
    {
        GitHub.FailNext(50, 500);
        using var host = new GitHubAppHostFactory(GitHub, AppKey, settings => settings["Connectors:Http:MaxRetryAttempts"] = "0");

        var outcome = await NextOutcomeAsync(host, previous: null);

        Assert.Equal(GitHubRedeliveryResult.Failed, outcome.Result);
        // The job's listener logs the failure once the job has returned, just after the outcome is recorded.
        await Eventually.WaitUntilAsync(
            () => host.Logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains($"Job {GitHubRedeliveryJob.Key} failed after", StringComparison.Ordinal)),
            "the job's failure in the log");
        using var client = host.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty(GitHubRedeliveryHealthCheck.Name).GetProperty("status").GetString());
        Assert.Empty(GitHub.RedeliveryRequests);
    }

    private static async Task<GitHubRedeliveryOutcome> NextOutcomeAsync(GitHubAppHostFactory host, GitHubRedeliveryOutcome? previous)
    {
        await Eventually.WaitUntilAsync(() => host.Status.Last is { } last && !ReferenceEquals(last, previous), "a sweep to end");
        return host.Status.Last!;
    }

    private void Add(long id, string guid, DateTimeOffset at, int status, bool redelivery = false) =>
        GitHub.Deliveries.Enqueue(new GitHubHookDelivery(id, guid, at, status, redelivery));
}
