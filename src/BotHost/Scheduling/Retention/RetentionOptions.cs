using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.BotHost.Scheduling.Retention;

/// <summary>
/// Bound from <c>Scheduling:Retention</c>: how long finished inbox events and posted replies are kept. A stored
/// event is also what recognises the platform's retries of it, so answered events are kept for longer than any
/// platform retries (Slack within the hour, GitHub's redeliverable history 3 days).
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Scheduling:Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs; the first runs as the host starts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long answered events, and the messages their replies were posted as, are kept after they finished.</summary>
    [Range(typeof(TimeSpan), "3.00:00:00", "3650.00:00:00",
        ErrorMessage = "Scheduling:Retention:KeepAnswered must be between {1} and {2}: a stored event is what recognises a platform's retry of it, and GitHub redelivers for up to 3 days.")]
    public TimeSpan KeepAnswered { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long dead letters are kept for an operator to replay (<c>POST /inbox/dead-letters/{id}/replay</c>).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepDeadLetters { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows deleted per transaction, so that webhooks arriving meanwhile wait for one short delete at most.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;
}
