using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.Scheduling.GitHubRedelivery;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCouncil.BotHost.Tests.Scheduling;

/// <summary>The sweep is on the host's scheduler exactly when the GitHub connector is an App and the sweep is not switched off.</summary>
public sealed class SchedulingConfigurationTests : GitHubAppTests
{
    [Fact]
    public async Task GitHubApp_SweepScheduledAtTheConfiguredInterval()
    {
        using var host = new GitHubAppHostFactory(GitHub, AppKey, settings => settings["Scheduling:GitHubRedelivery:Interval"] = "00:07:00");

        var triggers = await TriggersAsync(host);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(triggers));
        Assert.Equal(TimeSpan.FromMinutes(7), trigger.RepeatInterval);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("switched off")]
    [InlineData("connector disabled")]
    public async Task NotAGitHubAppOrSwitchedOff_SweepNotScheduled(string setup)
    {
        using var host = new GitHubAppHostFactory(GitHub, AppKey, settings =>
        {
            switch (setup)
            {
                case "token":
                    settings["Connectors:GitHub:Token"] = FakeGitHubApi.PersonalToken;
                    break;
                case "switched off":
                    settings["Scheduling:GitHubRedelivery:Enabled"] = "false";
                    break;
                default:
                    settings["Connectors:GitHub:Enabled"] = "false";
                    break;
            }
        });

        Assert.Empty(await TriggersAsync(host));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.WaitUntilAsync(() => scheduler.Status == SchedulerStatus.Running, "the scheduler to run");
        Assert.False(await scheduler.Exists(GitHubRedeliveryJob.Key));
        Assert.Empty(GitHub.RequestsTo("/app/hook/deliveries"));
    }

    [Fact]
    public async Task LookBackNotLongerThanInterval_StartFailsNamingTheSetting()
    {
        // A host of its own, as in StorageConfigurationTests: a failed start of the web factory can hide the exception.
        using var directory = new TempDirectory();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduling:GitHubRedelivery:Interval"] = "01:00:00",
            ["Scheduling:GitHubRedelivery:LookBack"] = "00:30:00",
        });
        builder.AddStorage();
        builder.AddConnectors();
        builder.AddScheduling();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scheduling:GitHubRedelivery:LookBack must be longer than its Interval", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyCollection<ITrigger>> TriggersAsync(GitHubAppHostFactory host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTriggersOfJob(GitHubRedeliveryJob.Key);
    }
}
