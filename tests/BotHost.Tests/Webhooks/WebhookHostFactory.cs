using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.Connectors.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// The real host with all three webhooks enabled, a fast inbox (short polls and retries, few attempts, four-token
/// answers from the tiny model) and a recording platform client for each platform in <see cref="ClientPlatforms"/>.
/// <see cref="CreateSignedClient"/> signs requests as the platforms do.
/// </summary>
public class WebhookHostFactory : BotHostFactory
{
    public const string SlackSecret = "slack-signing-secret-for-tests-0123456789";
    public const string GitHubSecret = "github-webhook-secret-for-tests-0123456789";
    public const int MaxBodyBytes = 8192;

    public DiscordTestKey DiscordKey { get; } = new();

    public ReplyRecorder Recorder { get; protected init; } = new();

    public Dictionary<ChatPlatform, RecordingChatPlatformClient> Clients { get; } = [];

    protected virtual IReadOnlyList<ChatPlatform> ClientPlatforms => [ChatPlatform.Slack, ChatPlatform.Discord, ChatPlatform.GitHub];

    public HttpClient CreateSignedClient() =>
        CreateDefaultClient(new PlatformSigningHandler(SlackSecret, DiscordKey, GitHubSecret));

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Webhooks:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Webhooks:Slack:Enabled"] = "true";
        settings["Webhooks:Slack:SigningSecret"] = SlackSecret;
        settings["Webhooks:Slack:BotUserId"] = "UBOT";
        settings["Webhooks:Discord:Enabled"] = "true";
        settings["Webhooks:Discord:PublicKey"] = DiscordKey.PublicKeyHex;
        settings["Webhooks:GitHub:Enabled"] = "true";
        settings["Webhooks:GitHub:Secret"] = GitHubSecret;
        settings["Webhooks:GitHub:BotLogin"] = "chatcouncil[bot]";
        settings["Inbox:PollInterval"] = "00:00:00.050";
        settings["Inbox:RetryDelay"] = "00:00:00.050";
        settings["Inbox:MaxRetryDelay"] = "00:00:00.200";
        settings["Inbox:MaxAttempts"] = "3";
        settings["Inbox:ReplyMaxTokens"] = "4";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var platform in ClientPlatforms)
        {
            Clients[platform] = new RecordingChatPlatformClient(platform, Recorder);
        }

        builder.ConfigureServices(services =>
        {
            foreach (var client in Clients.Values)
            {
                services.AddSingleton<IChatPlatformClient>(client);
            }
        });
    }
}
