namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>How the last retention run of this process ended.</summary>
public sealed record RetentionOutcome(
    DateTimeOffset FinishedAt,
    RetentionResult Result,
    int EventsDeleted = 0,
    int RepliesDeleted = 0,
    string? ErrorKind = null) : IJobOutcome
{
    public string ResultName => Result.ToString();

    public bool RanElsewhere => Result == RetentionResult.HeldElsewhere;
}

public enum RetentionResult
{
    /// <summary>This process deleted what was due.</summary>
    Pruned,

    /// <summary>Another process sharing the database ran in this period.</summary>
    HeldElsewhere,

    /// <summary>The run failed; the next one tries again.</summary>
    Failed,
}
