using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>What a worker does to a stored turn, for tests that need events in a given state.</summary>
internal static class InboxSteps
{
    /// <summary>Stores the turn and answers it; the inbox must have no earlier pending event.</summary>
    public static async Task AnswerAsync(this IInboxStore inbox, ConversationTurn turn)
    {
        await inbox.AcceptAsync(turn, CancellationToken.None);
        var claimed = await inbox.ClaimAsync("w", CancellationToken.None);
        await inbox.CompleteAsync(claimed!.Id, "w", CancellationToken.None);
    }
}
