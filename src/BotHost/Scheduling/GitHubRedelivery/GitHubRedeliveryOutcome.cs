namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>How the last sweep of this process ended.</summary>
public sealed record GitHubRedeliveryOutcome(
    DateTimeOffset FinishedAt,
    GitHubRedeliveryResult Result,
    int Listed = 0,
    int FailedDeliveries = 0,
    int Requested = 0,
    string? ErrorKind = null) : IJobOutcome
{
    public string ResultName => Result.ToString();

    public bool RanElsewhere => Result == GitHubRedeliveryResult.HeldElsewhere;
}

public enum GitHubRedeliveryResult
{
    /// <summary>This process swept.</summary>
    Swept,

    /// <summary>Another process sharing the database swept in this period.</summary>
    HeldElsewhere,

    /// <summary>The sweep failed; the next one tries again.</summary>
    Failed,
}
