using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// The <see cref="IChatPlatformClient"/> that answers each platform, chosen among the registered ones: the last
/// enabled one (a host may add its own after the connectors'), else the last registered, which refuses every call
/// naming the setting to change. Thread-safe.
/// </summary>
public sealed class ChatPlatformClients(IEnumerable<IChatPlatformClient> clients)
{
    private readonly Dictionary<ChatPlatform, IChatPlatformClient> _byPlatform =
        clients.GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => g.LastOrDefault(c => c.IsEnabled) ?? g.Last());

    public IEnumerable<ChatPlatform> Enabled =>
        Enum.GetValues<ChatPlatform>().Where(IsEnabled);

    public bool IsEnabled(ChatPlatform platform) => _byPlatform.TryGetValue(platform, out var client) && client.IsEnabled;

    /// <summary>The enabled platform's client.</summary>
    /// <exception cref="InvalidOperationException">The platform is not enabled; the message names the setting.</exception>
    public IChatPlatformClient Get(ChatPlatform platform) =>
        IsEnabled(platform)
            ? _byPlatform[platform]
            : throw new InvalidOperationException($"{platform} is not enabled: set Connectors:{platform}:Enabled to true and give it its token.");

    /// <summary>
    /// The client to answer through, enabled or not (a disabled one refuses with the setting to change), or null when
    /// none is registered for the platform.
    /// </summary>
    public IChatPlatformClient? Find(ChatPlatform platform) => _byPlatform.GetValueOrDefault(platform);
}
