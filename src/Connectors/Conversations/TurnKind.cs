namespace ChatCouncil.Connectors.Conversations;

/// <summary>What kind of inbound event a turn came from.</summary>
public enum TurnKind
{
    Message,
    Mention,
    SlashCommand,
    ButtonClick,
    IssueComment,
    PullRequestComment,
}
