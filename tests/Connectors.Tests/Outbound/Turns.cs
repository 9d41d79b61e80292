using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>Turns and replies shaped as the inbound parsers produce them.</summary>
internal static class Turns
{
    public static readonly ConversationKey SlackThread = new(ChatPlatform.Slack, "T1", "C1", "1700000000.000100");

    public static ConversationTurn Turn(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        new("E1", "M1", key, TurnKind.Mention, "U1", "someone", "hello", [], [], DateTimeOffset.UnixEpoch, context);

    public static OutboundReply Reply(ConversationKey key, string text, string idempotencyKey = "reply-1", IReadOnlyDictionary<string, string>? context = null) =>
        new(key, text, idempotencyKey, context ?? new Dictionary<string, string>());

    public static Dictionary<string, string> SlackContext(string ts = "1700000000.000200") =>
        new() { ["channel"] = "C1", ["ts"] = ts, ["thread_ts"] = "1700000000.000100" };

    public static string LongMarkdown(int paragraphs) =>
        string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(i => $"**Part {i}** " + string.Join(' ', Enumerable.Repeat("lorem ipsum", 30))));
}
