namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// POST /approvals: where to ask (platform "slack" | "discord" | "github"; workspace = Slack team, Discord guild or
/// GitHub owner; channel = Slack/Discord channel or GitHub repository; thread = Slack thread ts, Discord thread channel,
/// or the GitHub issue/PR number), what is asked and by whom.
/// </summary>
public sealed record CreateApprovalRequest
{
    public string? Platform { get; init; }

    public string? Workspace { get; init; }

    public string? Channel { get; init; }

    /// <summary>Required on GitHub; on Slack omit it to post at the top of the channel; on Discord it defaults to the channel.</summary>
    public string? Thread { get; init; }

    public string? Summary { get; init; }

    public string? RequestedBy { get; init; }

    /// <summary>Seconds until the request expires; Approvals:DefaultExpiry when omitted.</summary>
    public int? ExpiresInSeconds { get; init; }

    /// <summary>Makes the call idempotent: the same key returns the first request instead of asking twice.</summary>
    public string? RequestKey { get; init; }
}
