using System.Security.Cryptography;
using ChatCouncil.BotHost.Scheduling.GitHubRedelivery;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChatCouncil.BotHost.Tests.Scheduling;

/// <summary>The sweep is on the host's scheduler exactly when the GitHub connector is an App and the sweep is not switched off.</summary>
public sealed class SchedulingConfigurationTests : IAsyncLifetime, IDisposable
{
    private readonly RSA _appKey = RSA.Create(2048);
    private FakeGitHubApi _github = null!;

    public async Task InitializeAsync() => _github = await FakeGitHubApi.StartAsync(appKey: _appKey);

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _appKey.Dispose();

    [Fact]
    public async Task GitHubApp_SweepScheduledAtTheConfiguredInterval()
    {
        using var host = new GitHubAppHostFactory(_github, _appKey, settings => settings["Scheduling:GitHubRedelivery:Interval"] = "00:07:00");

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
        using var host = new GitHubAppHostFactory(_github, _appKey, settings =>
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
        Assert.Empty(_github.RequestsTo("/app/hook/deliveries"));
    }

    [Fact]
    public void LookBackNotLongerThanInterval_HostRefusesToStartNamingTheSetting()
    {
        using var host = new GitHubAppHostFactory(_github, _appKey, settings => settings["Scheduling:GitHubRedelivery:LookBack"] = "00:30:00");

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Scheduling:GitHubRedelivery:LookBack", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyCollection<ITrigger>> TriggersAsync(GitHubAppHostFactory host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTriggersOfJob(GitHubRedeliveryJob.Key);
    }
}
