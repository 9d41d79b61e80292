using ChatCouncil.Connectors.Discord;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Webhooks;

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add("Webhooks:MaxBodyBytes must be between 1024 and 67108864.");
        }

        if (options.Slack.Enabled && string.IsNullOrWhiteSpace(options.Slack.SigningSecret))
        {
            failures.Add("Webhooks:Slack:SigningSecret is required when Webhooks:Slack:Enabled is true; copy it from the Slack app's Basic Information page.");
        }

        if (options.Discord.Enabled && !DiscordPublicKey.TryParse(options.Discord.PublicKey, out _))
        {
            failures.Add("Webhooks:Discord:PublicKey must be the application's public key, 64 hex digits, when Webhooks:Discord:Enabled is true.");
        }

        if (options.GitHub.Enabled && string.IsNullOrWhiteSpace(options.GitHub.Secret))
        {
            failures.Add("Webhooks:GitHub:Secret is required when Webhooks:GitHub:Enabled is true; it is the secret set on the GitHub webhook.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
