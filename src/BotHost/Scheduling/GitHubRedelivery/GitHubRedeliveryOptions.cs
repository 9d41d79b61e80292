using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>
/// Bound from <c>Scheduling:GitHubRedelivery</c>. The sweep runs only where the GitHub connector is enabled as a
/// GitHub App (the deliveries API authenticates as the App), and then by default.
/// </summary>
public sealed class GitHubRedeliveryOptions
{
    public const string SectionName = "Scheduling:GitHubRedelivery";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between sweeps; the first runs as the host starts, catching up on what failed while it was down.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back each sweep looks; longer than <see cref="Interval"/>, at most GitHub's 3 days of redeliverable history.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "3.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromHours(1);
}
