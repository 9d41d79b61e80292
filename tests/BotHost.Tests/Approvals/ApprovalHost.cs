using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>
/// The real host with signed webhooks and the real Slack, Discord and GitHub clients pointed at the stand-in APIs.
/// Shared by a test class: each test asks in a conversation of its own.
/// </summary>
#pragma warning disable CA1001 // DisposeAsync disposes the servers and the host.
public sealed class ApprovalHost : IAsyncLifetime
{
    public FakeSlackApi Slack { get; private set; } = null!;

    public FakeDiscordApi Discord { get; private set; } = null!;

    public FakeGitHubApi GitHub { get; private set; } = null!;

    public Factory Host { get; private set; } = null!;

    public ApprovalService Approvals => Host.Services.GetRequiredService<ApprovalService>();

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Discord = await FakeDiscordApi.StartAsync();
        GitHub = await FakeGitHubApi.StartAsync();
        Host = new Factory(this);
        _ = Host.Services;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        await GitHub.DisposeAsync();
    }

    /// <summary>Waits for a condition the background inbox brings about; fails after 30 seconds.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<T?> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    public sealed class Factory(ApprovalHost servers) : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Connectors:Slack:Enabled"] = "true";
            settings["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken;
            settings["Connectors:Slack:ApiBaseUrl"] = servers.Slack.ApiUrl.ToString();
            settings["Connectors:Discord:Enabled"] = "true";
            settings["Connectors:Discord:BotToken"] = FakeDiscordApi.BotToken;
            settings["Connectors:Discord:ApplicationId"] = FakeDiscordApi.ApplicationId;
            settings["Connectors:Discord:ApiBaseUrl"] = servers.Discord.ApiUrl.ToString();
            settings["Connectors:GitHub:Enabled"] = "true";
            settings["Connectors:GitHub:Token"] = FakeGitHubApi.PersonalToken;
            settings["Connectors:GitHub:ApiBaseUrl"] = servers.GitHub.BaseUrl.ToString();
            settings["Approvals:PollInterval"] = "00:00:00.100";
        }
    }
}
