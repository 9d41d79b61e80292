using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>The identities the inbox deduplicates on, the same for every backend.</summary>
internal static class InboxKeys
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Dead = "dead";

    public static string Platform(ChatPlatform platform) => platform.ToString().ToLowerInvariant();

    public static string Event(ConversationTurn turn) => $"{Platform(turn.Key.Platform)}:{turn.EventId}";

    public static string Message(ConversationTurn turn) => $"{Platform(turn.Key.Platform)}:{turn.Key.Workspace}:{turn.MessageId}";

    public static ChatPlatform ParsePlatform(string text) => Enum.Parse<ChatPlatform>(text, ignoreCase: true);
}
