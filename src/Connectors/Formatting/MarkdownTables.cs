using System.Text.RegularExpressions;

namespace ChatCouncil.Connectors.Formatting;

/// <summary>
/// Slack and Discord do not render Markdown tables: a table (a header row, a |---| separator row, rows) is put in a
/// code block so its columns stay aligned in a monospace font. Tables inside code blocks are left alone.
/// </summary>
public static partial class MarkdownTables
{
    public static string Fence(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new List<string>(lines.Length);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && IsRow(lines[i]) && i + 1 < lines.Length && Separator().IsMatch(lines[i + 1]))
            {
                output.Add("```");
                while (i < lines.Length && IsRow(lines[i]))
                {
                    output.Add(lines[i++]);
                }

                output.Add("```");
                i--;
                continue;
            }

            output.Add(lines[i]);
        }

        return string.Join('\n', output);
    }

    private static bool IsRow(string line) => line.TrimStart().StartsWith('|') || (line.Contains('|', StringComparison.Ordinal) && line.Trim().Length > 0 && Separator().IsMatch(line));

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex Separator();
}
