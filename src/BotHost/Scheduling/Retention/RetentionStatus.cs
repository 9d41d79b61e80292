namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>The last retention run's outcome in this process, for /health. Thread-safe singleton.</summary>
public sealed class RetentionStatus
{
    private volatile RetentionOutcome? _last;

    /// <summary>Null until the first run has ended.</summary>
    public RetentionOutcome? Last => _last;

    internal void Record(RetentionOutcome outcome) => _last = outcome;
}
