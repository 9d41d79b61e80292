using System.Diagnostics.CodeAnalysis;

namespace ChatCouncil.Memory.Namespaces;

/// <summary>
/// A memory namespace: <c>global</c>, <c>agent:&lt;id&gt;</c> or <c>conversation:&lt;id&gt;</c>. Every stored record
/// belongs to exactly one, and a search never crosses into another unless asked to. Ids are 1–128 characters of
/// ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, compared case-sensitively, so the text form is safe in
/// URLs, SQL parameters and log lines. The default value is <see cref="Global"/>.
/// </summary>
public readonly record struct MemoryNamespace
{
    public const int MaxIdLength = 128;

    private const string GlobalText = "global";
    private const string AgentPrefix = "agent:";
    private const string ConversationPrefix = "conversation:";

    private readonly string? _id;

    private MemoryNamespace(MemoryNamespaceKind kind, string? id)
    {
        Kind = kind;
        _id = id;
    }

    public static MemoryNamespace Global => default;

    public MemoryNamespaceKind Kind { get; }

    /// <summary>The agent or conversation id; empty for <see cref="Global"/>.</summary>
    public string Id => _id ?? string.Empty;

    /// <exception cref="ArgumentException">The id is not a valid namespace id.</exception>
    public static MemoryNamespace Agent(string agentId) => Create(MemoryNamespaceKind.Agent, agentId);

    /// <exception cref="ArgumentException">The id is not a valid namespace id.</exception>
    public static MemoryNamespace Conversation(string conversationId) => Create(MemoryNamespaceKind.Conversation, conversationId);

    /// <exception cref="FormatException">The text is not a namespace; the message says why.</exception>
    public static MemoryNamespace Parse(string text) =>
        TryParse(text, out var ns, out var error) ? ns : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out MemoryNamespace ns) => TryParse(text, out ns, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out MemoryNamespace ns, [NotNullWhen(false)] out string? error)
    {
        ns = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "A namespace is required: 'global', 'agent:<id>' or 'conversation:<id>'.";
            return false;
        }

        if (text == GlobalText)
        {
            error = null;
            return true;
        }

        var (kind, id) = text.StartsWith(AgentPrefix, StringComparison.Ordinal) ? (MemoryNamespaceKind.Agent, text[AgentPrefix.Length..])
            : text.StartsWith(ConversationPrefix, StringComparison.Ordinal) ? (MemoryNamespaceKind.Conversation, text[ConversationPrefix.Length..])
            : (MemoryNamespaceKind.Global, (string?)null);
        if (id is null)
        {
            error = $"'{Shorten(text)}' is not a namespace; use 'global', 'agent:<id>' or 'conversation:<id>'.";
            return false;
        }

        error = ValidateId(id);
        if (error is not null)
        {
            return false;
        }

        ns = new MemoryNamespace(kind, id);
        return true;
    }

    /// <summary>Null when <paramref name="id"/> can name an agent or conversation; otherwise the reason it cannot.</summary>
    public static string? ValidateId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "The namespace id is empty.";
        }

        if (id.Length > MaxIdLength)
        {
            return $"The namespace id is longer than {MaxIdLength} characters.";
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return $"The namespace id '{Shorten(id)}' may contain only ASCII letters, digits, '.', '_' and '-'.";
            }
        }

        return null;
    }

    public override string ToString() => Kind switch
    {
        MemoryNamespaceKind.Agent => AgentPrefix + Id,
        MemoryNamespaceKind.Conversation => ConversationPrefix + Id,
        _ => GlobalText,
    };

    private static MemoryNamespace Create(MemoryNamespaceKind kind, string id) =>
        ValidateId(id) is { } error ? throw new ArgumentException(error, nameof(id)) : new MemoryNamespace(kind, id);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
