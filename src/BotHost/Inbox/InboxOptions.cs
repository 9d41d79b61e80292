using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>Bound from the <c>Inbox</c> configuration section and validated at start.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>Whether this process runs workers. Off, it still accepts and stores events for other processes.</summary>
    public bool ProcessEvents { get; set; } = true;

    /// <summary>Events handled at once; each works on a different conversation.</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 4;

    /// <summary>Attempts before an event goes to the dead-letter list.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed event belongs to its worker; a process that dies loses it after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often idle workers look for work that another process stored or whose retry came due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest answer, in tokens.</summary>
    [Range(1, 8192)]
    public int ReplyMaxTokens { get; set; } = 512;

    /// <summary>The model that answers; null for the default chat model.</summary>
    public string? ModelId { get; set; }
}
