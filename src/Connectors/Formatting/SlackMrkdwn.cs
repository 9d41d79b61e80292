using System.Text;
using System.Text.RegularExpressions;

namespace ChatCouncil.Connectors.Formatting;

/// <summary>
/// Renders the Markdown a model writes in Slack's mrkdwn: <c>**bold**</c> → <c>*bold*</c>, <c>*italic*</c> →
/// <c>_italic_</c>, <c>~~strike~~</c> → <c>~strike~</c>, <c>[text](url)</c> → <c>&lt;url|text&gt;</c>, headings → bold
/// lines, bullets → •. &amp;, &lt; and &gt; are escaped as Slack requires; code spans and fenced blocks are kept verbatim
/// apart from that escaping.
/// </summary>
public static partial class SlackMrkdwn
{
    private const char BoldMark = '\u0001';

    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var output = new StringBuilder(markdown.Length);
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                // Slack shows no language after the fence: keep the fence, drop the info string.
                output.Append(inFence ? line : line.TrimEnd()[..(line.IndexOf("```", StringComparison.Ordinal) + 3)]).Append('\n');
                inFence = !inFence;
                continue;
            }

            output.Append(inFence ? Escape(line) : RenderLine(line)).Append('\n');
        }

        return output.ToString(0, output.Length - 1);
    }

    private static string RenderLine(string line)
    {
        var heading = Heading().Match(line);
        if (heading.Success)
        {
            return $"*{RenderInline(heading.Groups[1].Value).Replace("*", "", StringComparison.Ordinal)}*";
        }

        var bullet = Bullet().Match(line);
        if (bullet.Success)
        {
            return bullet.Groups[1].Value + "• " + RenderInline(bullet.Groups[2].Value);
        }

        return RenderInline(line);
    }

    /// <summary>Renders outside code spans only; code spans are escaped and kept.</summary>
    private static string RenderInline(string text)
    {
        var output = new StringBuilder(text.Length);
        var parts = text.Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                output.Append('`');
            }

            // Odd parts are inside a span, unless the last backtick has no partner.
            var inCode = i % 2 == 1 && i < parts.Length - (parts.Length % 2 == 0 ? 1 : 0);
            output.Append(inCode ? Escape(parts[i]) : RenderText(parts[i]));
        }

        return output.ToString();
    }

    private static string RenderText(string text)
    {
        var links = new List<string>();
        text = Link().Replace(text, m =>
        {
            links.Add($"<{EscapeUrl(m.Groups["url"].Value)}|{Escape(m.Groups["text"].Value)}>");
            return $"\u0002{links.Count - 1}\u0003";
        });
        text = AutoLink().Replace(text, m =>
        {
            links.Add($"<{EscapeUrl(m.Groups[1].Value)}>");
            return $"\u0002{links.Count - 1}\u0003";
        });
        text = Escape(text);
        text = BoldItalic().Replace(text, m => $"{BoldMark}_{m.Groups[1].Value}_{BoldMark}");
        text = Bold().Replace(text, m => $"{BoldMark}{m.Groups[2].Value}{BoldMark}");
        text = Italic().Replace(text, "_$1_");
        text = Strike().Replace(text, "~$1~");
        text = text.Replace(BoldMark, '*');
        return Placeholder().Replace(text, m => links[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // Slack un-escapes the whole text, links included; a | would end the URL early.
    private static string EscapeUrl(string url) => Escape(url).Replace("|", "%7C", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\s*)[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<url>https?://[^\s)]+|mailto:[^\s)]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(https?://[^\s>]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*")]
    private static partial Regex BoldItalic();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex("\u0002(\\d+)\u0003")]
    private static partial Regex Placeholder();
}
