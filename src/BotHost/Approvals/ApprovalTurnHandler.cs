using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// Answers decision turns (<see cref="ApprovalClickParser"/>) in their thread with the outcome: "Approved by …",
/// "Already approved by … at …", or why nothing was decided. Registered ahead of the chat handler. Thread-safe.
/// </summary>
internal sealed class ApprovalTurnHandler(ApprovalService approvals) : ITurnHandler
{
    public bool Takes(ConversationTurn turn) => ApprovalClickParser.Parse(turn) is not null;

    public async Task<string> AnswerAsync(ClaimedTurn claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var click = ApprovalClickParser.Parse(claimed.Turn)
            ?? throw new InvalidOperationException("The approval handler was given a turn that is not a decision.");
        return ApprovalAnswers.For(await approvals.DecideAsync(click, cancellationToken));
    }
}
