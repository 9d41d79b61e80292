namespace ChatCouncil.BotHost.Scheduling;

/// <summary>What every recurring job's outcome tells /health.</summary>
public interface IJobOutcome
{
    DateTimeOffset FinishedAt { get; }

    /// <summary>The result's name, as /health shows it.</summary>
    string ResultName { get; }

    /// <summary>Another process sharing the database ran the job in this period.</summary>
    bool RanElsewhere { get; }

    /// <summary>Null unless the run failed; then only the exception's type name (/health is public).</summary>
    string? ErrorKind { get; }
}
