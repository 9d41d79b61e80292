namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// Keeps one thread together: Slack team/channel/thread_ts, Discord guild/channel(or thread),
/// GitHub owner/repo/issue-or-PR number. Turns with the same key are processed in order.
/// </summary>
public sealed record ConversationKey(ChatPlatform Platform, string Workspace, string Channel, string Thread)
{
    /// <summary>A stable string form, e.g. <c>slack:T1:C2:1700000000.000100</c>, used as a storage key.</summary>
    public string Value => $"{Platform.ToString().ToLowerInvariant()}:{Workspace}:{Channel}:{Thread}";

    public override string ToString() => Value;
}
