namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>The last sweep's outcome in this process, for /health. Thread-safe singleton.</summary>
public sealed class GitHubRedeliveryStatus
{
    private volatile GitHubRedeliveryOutcome? _last;

    /// <summary>Null until the first sweep has ended.</summary>
    public GitHubRedeliveryOutcome? Last => _last;

    internal void Record(GitHubRedeliveryOutcome outcome) => _last = outcome;
}
