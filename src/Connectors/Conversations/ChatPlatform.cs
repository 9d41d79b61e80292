namespace ChatCouncil.Connectors.Conversations;

/// <summary>Where a conversation happens.</summary>
public enum ChatPlatform
{
    Slack,
    Discord,
    GitHub,
}
