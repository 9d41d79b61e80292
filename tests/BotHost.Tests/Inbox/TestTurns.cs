using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>Turns for inbox tests, built directly (the parsers have their own tests).</summary>
internal static class TestTurns
{
    public static ConversationTurn Slack(string eventId, string ts, string thread = "1700000000.000100", string channel = "C1") => new(
        eventId,
        $"{ts}:{channel}",
        new ConversationKey(ChatPlatform.Slack, "T1", channel, thread),
        TurnKind.Message,
        "U1",
        "alice",
        $"message {ts}",
        [],
        [new Uri("https://example.com/")],
        DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        new Dictionary<string, string> { ["channel"] = channel, ["ts"] = ts, ["thread_ts"] = thread });

    /// <summary>A Slack turn in a thread of its own, for tests that tell turns apart by name: event <c>Ev-{name}</c>, ts <c>{name}</c>.</summary>
    public static ConversationTurn Named(string name) => Slack($"Ev-{name}", name, thread: $"thread-{name}");
}
