namespace ChatCouncil.BotHost.Approvals;

/// <summary>Where an approval request stands. Only <see cref="Pending"/> can change, and only once.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Expired,
}
