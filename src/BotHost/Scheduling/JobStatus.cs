namespace ChatCouncil.BotHost.Scheduling;

/// <summary>How a recurring job's last run ended in this process, for /health. Thread-safe singleton per job.</summary>
public sealed class JobStatus<TOutcome>
    where TOutcome : class
{
    private volatile TOutcome? _last;

    /// <summary>Null until the first run has ended.</summary>
    public TOutcome? Last => _last;

    internal void Record(TOutcome outcome) => _last = outcome;
}
