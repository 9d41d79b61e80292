using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// The <see cref="IChatPlatformClient"/> of each enabled platform (also registered as keyed services by
/// <see cref="ChatPlatform"/>). Asking for a disabled platform fails with the setting to change. Thread-safe.
/// </summary>
public sealed class ChatPlatformClients(
    IServiceProvider services,
    IOptions<SlackApiOptions> slack,
    IOptions<DiscordApiOptions> discord,
    IOptions<GitHubApiOptions> github)
{
    public IEnumerable<ChatPlatform> Enabled =>
        Enum.GetValues<ChatPlatform>().Where(IsEnabled);

    public bool IsEnabled(ChatPlatform platform) => platform switch
    {
        ChatPlatform.Slack => slack.Value.Enabled,
        ChatPlatform.Discord => discord.Value.Enabled,
        ChatPlatform.GitHub => github.Value.Enabled,
        _ => false,
    };

    public IChatPlatformClient Get(ChatPlatform platform) =>
        IsEnabled(platform)
            ? services.GetRequiredKeyedService<IChatPlatformClient>(platform)
            : throw new InvalidOperationException($"{platform} is not enabled: set Connectors:{platform}:Enabled to true and give it its token.");
}
