using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Outbound;

internal static class NotEnabled
{
    public static void ThrowIfDisabled(ChatPlatform platform, bool enabled)
    {
        if (!enabled)
        {
            throw new ChatPlatformException(platform, $"{platform} is not enabled: set Connectors:{platform}:Enabled to true and give it its token.", isTransient: false);
        }
    }
}
