namespace ChatCouncil.BotHost.Approvals;

/// <summary>The outcome of a presented decision and, when the token verified, the request as it now stands.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, ApprovalRequest? Request);
