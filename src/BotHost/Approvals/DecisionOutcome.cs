namespace ChatCouncil.BotHost.Approvals;

/// <summary>What became of one presented decision.</summary>
public enum DecisionOutcome
{
    /// <summary>This click decided the request (or is the same platform event again, after a retry).</summary>
    Decided,

    /// <summary>Someone decided first; the request carries who and when.</summary>
    AlreadyDecided,

    Expired,

    /// <summary>No request has this token: unknown id, wrong secret, or not a token at all.</summary>
    NotValid,

    /// <summary>The token is genuine but was presented in another conversation than the one it was posted to.</summary>
    WrongPlace,
}
