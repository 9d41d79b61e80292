namespace ChatCouncil.Connectors.Conversations;

public static class ChatPlatformClientSelection
{
    /// <summary>
    /// The client that answers each platform: the last enabled one registered for it (a host may add its own after
    /// the connectors'), else the last registered, which refuses every call naming the setting to change.
    /// </summary>
    public static Dictionary<ChatPlatform, IChatPlatformClient> ByPlatform(this IEnumerable<IChatPlatformClient> clients) =>
        clients.GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => g.LastOrDefault(c => c.IsEnabled) ?? g.Last());
}
