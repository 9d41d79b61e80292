namespace ChatCouncil.BotHost.Approvals;

/// <summary>What a decider clicked (or commented).</summary>
public enum ApprovalAction
{
    Approve,
    Reject,
}
