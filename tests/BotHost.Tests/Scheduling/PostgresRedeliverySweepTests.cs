using ChatCouncil.BotHost.Scheduling.GitHubRedelivery;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Postgres;

namespace ChatCouncil.BotHost.Tests.Scheduling;

/// <summary>Two BotHost processes on one PostgreSQL database: one of them sweeps per interval, the other stands by.</summary>
public sealed class PostgresRedeliverySweepTests(PostgresDatabaseFixture database) : GitHubAppTests, IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task TwoHosts_BothFireAtStart_OneSweepsAndTheOtherStandsBy()
    {
        var now = DateTimeOffset.UtcNow;
        GitHub.Deliveries.Enqueue(new GitHubHookDelivery(31, "failed-a", now.AddMinutes(-10), 500));
        GitHub.Deliveries.Enqueue(new GitHubHookDelivery(32, "failed-b", now.AddMinutes(-5), 0));
        GitHub.Deliveries.Enqueue(new GitHubHookDelivery(33, "ok", now.AddMinutes(-4), 200));
        using var first = Host();
        using var second = Host();

        // Both schedulers fire the sweep as their host starts.
        _ = first.Services;
        _ = second.Services;
        await Eventually.WaitUntilAsync(() => first.Status.Last is not null && second.Status.Last is not null, "both hosts' sweeps to end");

        Assert.Equal(
            [GitHubRedeliveryResult.Swept, GitHubRedeliveryResult.HeldElsewhere],
            new[] { first.Status.Last!.Result, second.Status.Last!.Result }.Order());
        Assert.Equal([31L, 32L], GitHub.RedeliveryRequests.Order());
        Assert.Single(GitHub.RequestsTo("/app/hook/deliveries"));
    }

    private GitHubAppHostFactory Host() => new(GitHub, AppKey, settings =>
    {
        settings["Storage:Provider"] = "postgres";
        settings["Storage:ConnectionString"] = database.ConnectionString;
    });
}
