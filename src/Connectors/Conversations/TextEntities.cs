using System.Text.RegularExpressions;

namespace ChatCouncil.Connectors.Conversations;

/// <summary>Mentions and links in message text, in each platform's markup. Order kept, duplicates dropped.</summary>
internal static partial class TextEntities
{
    public static IReadOnlyList<string> SlackMentions(string text) =>
        Distinct(SlackMention().Matches(text).Select(m => m.Groups["id"].Value));

    /// <summary>Slack wraps links as <c>&lt;https://x|label&gt;</c>.</summary>
    public static IReadOnlyList<Uri> SlackLinks(string text) =>
        Uris(SlackLink().Matches(text).Select(m => m.Groups["url"].Value));

    public static IReadOnlyList<string> DiscordMentions(string text) =>
        Distinct(DiscordMention().Matches(text).Select(m => m.Groups["id"].Value));

    public static IReadOnlyList<string> GitHubMentions(string text) =>
        Distinct(GitHubMention().Matches(text).Select(m => m.Groups["login"].Value));

    public static IReadOnlyList<Uri> PlainLinks(string text) =>
        Uris(PlainLink().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'')));

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();

    private static List<Uri> Uris(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal)
            .Select(v => Uri.TryCreate(v, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList();

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"<(?<url>https?://[^>|\s]+)(\|[^>]*)?>", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SlackLink();

    [GeneratedRegex(@"<@!?(?<id>\d+)>", RegexOptions.CultureInvariant, 100)]
    private static partial Regex DiscordMention();

    // A login is 1-39 alphanumerics or single hyphens; an e-mail's "@" is preceded by a word character.
    [GeneratedRegex(@"(?<![\w@/])@(?<login>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?)", RegexOptions.CultureInvariant, 100)]
    private static partial Regex GitHubMention();

    [GeneratedRegex(@"https?://[^\s<>()\[\]""'`|]+", RegexOptions.CultureInvariant, 100)]
    private static partial Regex PlainLink();
}
