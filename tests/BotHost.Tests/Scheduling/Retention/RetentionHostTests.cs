using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.BotHost.Tests.Inbox;
using ChatCouncil.Connectors;
using ChatCouncil.TestSupport.Files;
using ChatCouncil.TestSupport.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCouncil.BotHost.Tests.Scheduling.Retention;

/// <summary>The host schedules retention from its settings, runs it at start and shows the outcome in /health.</summary>
public sealed class RetentionHostTests
{
    [Fact]
    public async Task Start_AnsweredEventOlderThanItsKeepTime_DeletedByTheFirstRunAndShownInHealth()
    {
        using var host = new Host();
        await StoreAnsweredEventAsync(host.SqlitePath, "old", answeredAt: DateTimeOffset.UtcNow.AddDays(-20));
        await StoreAnsweredEventAsync(host.SqlitePath, "recent", answeredAt: DateTimeOffset.UtcNow.AddDays(-1));

        var status = host.Services.GetRequiredService<JobStatus<RetentionOutcome>>();
        await Eventually.WaitUntilAsync(() => status.Last is not null, "the first retention run");

        Assert.Equal((RetentionResult.Pruned, 1), (status.Last!.Result, status.Last.EventsDeleted));
        var inbox = host.Services.GetRequiredService<IInboxStore>();
        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(TestTurns.Named("old"), CancellationToken.None));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(TestTurns.Named("recent"), CancellationToken.None));
        using var client = host.CreateClient();
        var check = (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("checks").GetProperty(RetentionHealthCheck.Name);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Equal(1, check.GetProperty("data").GetProperty("eventsDeleted").GetInt32());
        Assert.Equal(14, check.GetProperty("data").GetProperty("keepAnsweredDays").GetDouble());
    }

    [Theory]
    [InlineData(null, 60.0)]
    [InlineData("00:05:00", 5.0)]
    public async Task Scheduling_Interval_TriggerRepeatsAtIt(string? interval, double minutes)
    {
        using var host = new Host(settings =>
        {
            if (interval is not null)
            {
                settings["Scheduling:Retention:Interval"] = interval;
            }
        });

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await TriggersAsync(host)));

        Assert.Equal(TimeSpan.FromMinutes(minutes), trigger.RepeatInterval);
    }

    [Fact]
    public async Task Scheduling_SwitchedOff_NoTriggerAndHealthSaysSo()
    {
        using var host = new Host(settings => settings["Scheduling:Retention:Enabled"] = "false");

        Assert.Empty(await TriggersAsync(host));
        using var client = host.CreateClient();
        var check = (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("checks").GetProperty(RetentionHealthCheck.Name);
        Assert.False(check.GetProperty("data").GetProperty("scheduled").GetBoolean());
    }

    [Fact]
    public async Task Start_KeepAnsweredShorterThanGitHubsRedeliveryWindow_FailsNamingTheSetting()
    {
        // A host of its own, as in SchedulingConfigurationTests: a failed start of the web factory can hide the exception.
        using var directory = new TempDirectory();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduling:Retention:KeepAnswered"] = "1.00:00:00" });
        builder.AddStorage();
        builder.AddConnectors();
        builder.AddScheduling();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scheduling:Retention:KeepAnswered must be between 3.00:00:00 and", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyCollection<ITrigger>> TriggersAsync(Host host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTriggersOfJob(RetentionJob.Key);
    }

    /// <summary>Writes, before the host starts, an event answered at <paramref name="answeredAt"/> into the host's file.</summary>
    private static async Task StoreAnsweredEventAsync(string path, string name, DateTimeOffset answeredAt)
    {
        var time = new FakeTimeProvider(answeredAt);
        var database = new SqliteDatabase(path);
        await new SqliteMigrator(database, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new SqliteInboxStore(database, time, Options.Create(new InboxOptions())).AnswerAsync(TestTurns.Named(name));
    }

    private sealed class Host(Action<IDictionary<string, string?>>? configure = null) : BotHostFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            // No workers: the events the test stores must stay as they are.
            settings["Inbox:ProcessEvents"] = "false";
            configure?.Invoke(settings);
        }
    }
}
