namespace ChatCouncil.BotHost.Memory;

/// <summary>One stored turn of the conversation.</summary>
public sealed record ContextTurn(string Role, string Content, DateTimeOffset At);
