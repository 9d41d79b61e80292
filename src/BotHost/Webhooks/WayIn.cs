using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.Webhooks;

/// <summary>One way events reach the bot (a platform's webhook, Slack Socket Mode, the Discord Gateway) and its switch.</summary>
internal sealed record WayIn(ChatPlatform Platform, string Name, string Setting, bool Enabled)
{
    /// <summary>Every way in, each platform's webhook before its connection mode.</summary>
    public static IReadOnlyList<WayIn> All(WebhookOptions webhooks, SlackSocketModeOptions socketMode, DiscordGatewayOptions gateway) =>
    [
        new(ChatPlatform.Slack, "webhooks", "Webhooks:Slack:Enabled", webhooks.Slack.Enabled),
        new(ChatPlatform.Slack, "Socket Mode", "Connectors:Slack:SocketMode:Enabled", socketMode.Enabled),
        new(ChatPlatform.Discord, "webhooks", "Webhooks:Discord:Enabled", webhooks.Discord.Enabled),
        new(ChatPlatform.Discord, "Gateway", "Connectors:Discord:Gateway:Enabled", gateway.Enabled),
        new(ChatPlatform.GitHub, "webhooks", "Webhooks:GitHub:Enabled", webhooks.GitHub.Enabled),
    ];
}
