namespace ChatCouncil.BotHost.History;

/// <summary>Who wrote a message. Stored as lower-case text (<c>system</c>, <c>user</c>, …).</summary>
public enum MessageRole
{
    System,
    User,
    Assistant,
    Tool,
}
