namespace ChatCouncil.Connectors.Http;

/// <summary>Resilience of every outbound platform call, bound from "Connectors:Http".</summary>
public sealed class ConnectorHttpOptions
{
    public const string SectionName = "Connectors:Http";

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts and connection failures.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay when the platform gives no wait of its own; grows exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the computed backoff (not on a platform's own Retry-After).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest platform-requested wait (Retry-After, retry_after) honoured in process; a longer one ends the call
    /// with a transient <see cref="Conversations.ChatPlatformException"/> carrying the wait, for the outbox to schedule.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit on one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit on a call with all its retries and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Share of failed calls to one host, within <see cref="SamplingDuration"/>, that opens its circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls to one host within <see cref="SamplingDuration"/> before the circuit may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls to its host at once.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
