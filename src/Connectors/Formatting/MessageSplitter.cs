using System.Text;

namespace ChatCouncil.Connectors.Formatting;

/// <summary>
/// Cuts a long message into pieces of at most a given length, preferring paragraph, then line, then word boundaries,
/// and cutting characters only when a word alone is too long. A fenced code block (```) is kept whole when it fits;
/// when it does not, each piece is closed and the next reopened with the same fence line, so every piece renders.
/// </summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        if (text.Length <= limit)
        {
            return text.Length == 0 ? [] : [text];
        }

        var pieces = new List<string>();
        foreach (var block in Blocks(text))
        {
            pieces.AddRange(block.IsCode ? SplitCode(block.Text, limit) : SplitProse(block.Text, limit));
        }

        return Pack(pieces, "\n\n", limit);
    }

    private static List<string> SplitProse(string paragraph, int limit) =>
        paragraph.Length <= limit
            ? [paragraph]
            : Pack(paragraph.Split('\n').SelectMany(line => SplitLine(line, limit)), "\n", limit);

    private static List<string> SplitLine(string line, int limit) =>
        line.Length <= limit
            ? [line]
            : Pack(line.Split(' ').SelectMany(word => HardCut(word, limit)), " ", limit);

    private static IEnumerable<string> SplitCode(string block, int limit)
    {
        if (block.Length <= limit)
        {
            return [block];
        }

        var lines = block.Split('\n');
        var open = lines[0];
        var close = lines[^1].TrimStart().StartsWith("```", StringComparison.Ordinal) ? lines[^1] : "```";
        var body = lines.Skip(1).Take(lines.Length - (close == lines[^1] ? 2 : 1));
        var room = limit - open.Length - close.Length - 2;
        if (room < 8)
        {
            return SplitProse(block, limit);
        }

        return Pack(body.SelectMany(line => HardCut(line, room)), "\n", room).Select(part => $"{open}\n{part}\n{close}");
    }

    private static IEnumerable<string> HardCut(string text, int limit)
    {
        var start = 0;
        while (text.Length - start > limit)
        {
            var length = limit;
            if (char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            yield return text.Substring(start, length);
            start += length;
        }

        yield return text[start..];
    }

    /// <summary>Joins pieces (each within the limit) greedily with the separator, never past the limit.</summary>
    private static List<string> Pack(IEnumerable<string> pieces, string separator, int limit)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (current.Length > 0 && current.Length + separator.Length + piece.Length > limit)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(piece);
        }

        Flush();
        return result;

        void Flush()
        {
            var done = current.ToString().Trim('\n');
            if (done.Trim().Length > 0)
            {
                result.Add(done);
            }

            current.Clear();
        }
    }

    /// <summary>Paragraphs (blank-line separated) and fenced code blocks (blank lines inside them included).</summary>
    private static IEnumerable<(string Text, bool IsCode)> Blocks(string text)
    {
        var lines = text.Split('\n');
        var current = new List<string>();
        string? fence = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (fence is null && trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (current.Count > 0)
                {
                    yield return (string.Join('\n', current), false);
                    current.Clear();
                }

                fence = "```";
                current.Add(line);
            }
            else if (fence is not null)
            {
                current.Add(line);
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim() == fence)
                {
                    yield return (string.Join('\n', current), true);
                    current.Clear();
                    fence = null;
                }
            }
            else if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    yield return (string.Join('\n', current), false);
                    current.Clear();
                }
            }
            else
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            yield return (string.Join('\n', current), fence is not null);
        }
    }
}
