using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.Connectors.Slack;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Webhooks;

/// <summary>
/// A way in (a webhook, Socket Mode, the Gateway) is only useful with a way out: the inbox answers through the
/// platform's enabled <see cref="IChatPlatformClient"/>, and without one every event it takes in ends as a dead letter.
/// Refuses such a configuration at start, naming both settings. An intake-only host (<c>Inbox:ProcessEvents</c> false)
/// stores events for the hosts that answer them, so it needs no way out. Runs with the <see cref="WebhookOptions"/> validation
/// because the Socket Mode and Gateway options must not depend on the clients (the Discord client's own options
/// depend on the Gateway's).
/// </summary>
internal sealed class ReplyPathValidator(
    ChatPlatformClients clients,
    IOptions<SlackSocketModeOptions> socketMode,
    IOptions<DiscordGatewayOptions> gateway,
    IOptions<InboxOptions> inbox) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ProcessesEvents())
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var (platform, _, setting, enabled) in WayIn.All(options, socketMode.Value, gateway.Value))
        {
            if (enabled && !clients.IsEnabled(platform))
            {
                failures.Add(
                    $"{setting} is true but Connectors:{platform}:Enabled is not, so every {platform} event taken in would end " +
                    $"in the dead letters unanswered. Set Connectors:{platform}:Enabled to true (with its token) to answer, or set {setting} to false.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool ProcessesEvents()
    {
        try
        {
            return inbox.Value.ProcessEvents;
        }
        catch (OptionsValidationException)
        {
            // Invalid Inbox settings are reported once, by the inbox's own validation.
            return true;
        }
    }
}
