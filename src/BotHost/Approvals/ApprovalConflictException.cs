namespace ChatCouncil.BotHost.Approvals;

/// <summary>A request key was reused for a different request: same key, other conversation or summary.</summary>
public sealed class ApprovalConflictException : Exception
{
    public ApprovalConflictException()
    {
    }

    public ApprovalConflictException(string message)
        : base(message)
    {
    }

    public ApprovalConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
