namespace ChatCouncil.BotHost.Approvals;

/// <summary>The sentence posted in the thread for each decision outcome. Never repeats the token.</summary>
internal static class ApprovalAnswers
{
    public static string For(DecisionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var request = result.Request;
        return result.Outcome switch
        {
            DecisionOutcome.Decided when request?.Decision is { } d => $"{Verb(d.Action)} by {d.UserName}: {request.Summary}",
            DecisionOutcome.AlreadyDecided when request?.Decision is { } d =>
                $"Already {Verb(d.Action).ToLowerInvariant()} by {d.UserName} at {Time(d.At)}; nothing changed: {request.Summary}",
            DecisionOutcome.Expired when request is not null => $"This request expired at {Time(request.ExpiresAt)}; nothing was decided: {request.Summary}",
            DecisionOutcome.WrongPlace => "This approval belongs to another conversation and is not valid here; nothing was decided.",
            _ => "This approval is not valid (unknown request or wrong token); nothing was decided.",
        };
    }

    private static string Verb(ApprovalAction action) => action == ApprovalAction.Approve ? "Approved" : "Rejected";

    private static string Time(DateTimeOffset at) => ApprovalMessages.Time(at);
}
