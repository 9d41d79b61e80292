using System.Runtime.CompilerServices;
using System.Text;

namespace ChatCouncil.Memory.Extraction;

/// <summary>
/// Plain text, streamed line by line from fixed buffers, so a file of any size is processed in constant memory. A line
/// longer than <see cref="MaxLineLength"/> characters is cut at its last whitespace (or hard, if it has none).
/// </summary>
public sealed class PlainTextExtractor : IContentExtractor
{
    public const int MaxLineLength = 64 * 1024;
    private const int BufferSize = 16 * 1024;

    public IReadOnlyList<string> ContentTypes { get; } = ["text/plain"];

    public async IAsyncEnumerable<string> ExtractAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        var buffer = new char[BufferSize];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    if (Take(line, line.Length) is { } text)
                    {
                        yield return text;
                    }
                }
                else
                {
                    line.Append(buffer[i]);
                }
            }

            if (line.Length > MaxLineLength && Take(line, CutPoint(line)) is { } piece)
            {
                yield return piece;
            }
        }

        if (Take(line, line.Length) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Removes the first <paramref name="length"/> characters; returns them trimmed, or null when blank.</summary>
    private static string? Take(StringBuilder line, int length)
    {
        var text = line.ToString(0, length).Trim();
        line.Remove(0, length);
        return text.Length == 0 ? null : text;
    }

    private static int CutPoint(StringBuilder line)
    {
        for (var i = line.Length - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                return i + 1;
            }
        }

        return line.Length;
    }
}
