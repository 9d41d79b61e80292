namespace ChatCouncil.BotHost.History;

/// <summary>Argument checks shared by every <see cref="IChatHistoryStore"/>, so backends reject the same inputs.</summary>
internal static class HistoryArguments
{
    public const int MaxTitleLength = 200;
    public const int MaxSourceLength = 200;

    public static void CheckConversation(string title, string source)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(title.Length, MaxTitleLength, nameof(title));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(source.Length, MaxSourceLength, nameof(source));
        CheckNoNul(title, nameof(title));
        CheckNoNul(source, nameof(source));
    }

    public static void CheckMessage(NewHistoryMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Content, nameof(message));
        CheckNoNul(message.Content, nameof(message));
        if (!Enum.IsDefined(message.Role))
        {
            throw new ArgumentOutOfRangeException(nameof(message), message.Role, "Unknown message role.");
        }

        if (message.PromptTokens < 0 || message.CompletionTokens < 0 || message.LatencyMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(message), "Token counts and latency cannot be negative.");
        }
    }

    // PostgreSQL text cannot hold U+0000 and SQLite silently cuts the string there: refuse it, the same on both.
    private static void CheckNoNul(string value, string name)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Text with a NUL character (U+0000) cannot be stored.", name);
        }
    }

    public static void CheckPage(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, IChatHistoryStore.MaxPageSize);
    }
}
