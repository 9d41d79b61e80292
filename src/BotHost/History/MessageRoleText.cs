namespace ChatCouncil.BotHost.History;

/// <summary>The stored text form of <see cref="MessageRole"/>, independent of enum member names.</summary>
internal static class MessageRoleText
{
    public static string ToText(MessageRole role) => role switch
    {
        MessageRole.System => "system",
        MessageRole.User => "user",
        MessageRole.Assistant => "assistant",
        MessageRole.Tool => "tool",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown message role."),
    };

    public static MessageRole Parse(string text) => text switch
    {
        "system" => MessageRole.System,
        "user" => MessageRole.User,
        "assistant" => MessageRole.Assistant,
        "tool" => MessageRole.Tool,
        _ => throw new InvalidDataException($"Stored message role '{text}' is not known to this build."),
    };
}
