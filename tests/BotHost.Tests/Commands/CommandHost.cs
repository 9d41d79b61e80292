using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.BotHost.Tests.Commands;

/// <summary>
/// The real host answering Slack and Discord through their real clients against the fake APIs (GitHub off), with the
/// Discord application id the fake knows; <paramref name="configure"/> changes settings per test.
/// </summary>
public sealed class CommandHost(FakeSlackApi slack, FakeDiscordApi discord, Action<IDictionary<string, string?>>? configure = null) : WebhookHostFactory
{
    protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Webhooks:GitHub:Enabled"] = "false";
        settings["Connectors:Slack:Enabled"] = "true";
        settings["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken;
        settings["Connectors:Slack:ApiBaseUrl"] = slack.ApiUrl.ToString();
        settings["Connectors:Discord:Enabled"] = "true";
        settings["Connectors:Discord:BotToken"] = FakeDiscordApi.BotToken;
        settings["Connectors:Discord:ApplicationId"] = FakeDiscordApi.ApplicationId;
        settings["Connectors:Discord:ApiBaseUrl"] = discord.ApiUrl.ToString();
        configure?.Invoke(settings);
    }
}
