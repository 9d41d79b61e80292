using System.Text.Json;

namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// What an agent needs to answer in a conversation: its last turns, its summary (the value <c>summary</c> in namespace
/// <c>conversation:{id}</c>, when one was stored) and the memories most relevant to <see cref="Query"/> from the
/// conversation, the agent (when named) and the global namespace.
/// </summary>
public sealed record ContextResponse(
    Guid ConversationId,
    string Title,
    IReadOnlyList<ContextTurn> RecentTurns,
    JsonElement? Summary,
    string? Query,
    IReadOnlyList<ContextMemory> Memories);
