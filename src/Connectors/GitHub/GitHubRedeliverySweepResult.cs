namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// What one sweep saw and did: <paramref name="Listed"/> delivery attempts inside the window,
/// <paramref name="FailedDeliveries"/> delivery GUIDs none of whose attempts succeeded, and the delivery ids
/// it asked GitHub to attempt again (one per failed GUID).
/// </summary>
public sealed record GitHubRedeliverySweepResult(int Listed, int FailedDeliveries, IReadOnlyList<long> Requested);
