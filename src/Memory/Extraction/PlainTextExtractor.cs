using System.Runtime.CompilerServices;
using System.Text;

namespace ChatCouncil.Memory.Extraction;

/// <summary>
/// Plain text, streamed: read in fixed buffers and cut at the last whitespace, so a file of any size (even one long
/// line) is processed in constant memory.
/// </summary>
public sealed class PlainTextExtractor : IContentExtractor
{
    private const int BufferSize = 16 * 1024;

    public IReadOnlyList<string> ContentTypes { get; } = ["text/plain"];

    public async IAsyncEnumerable<string> ExtractAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        var buffer = new char[BufferSize];
        var carry = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            carry.Append(buffer, 0, read);
            var cut = LastWhitespace(carry);
            if (cut > 0)
            {
                var text = carry.ToString(0, cut);
                carry.Remove(0, cut);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    yield return text;
                }
            }
        }

        if (carry.Length > 0 && !string.IsNullOrWhiteSpace(carry.ToString()))
        {
            yield return carry.ToString();
        }
    }

    private static int LastWhitespace(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }

        // No whitespace at all: hand the buffer on rather than grow without bound; the chunker splits long words anyway.
        return text.Length >= 4 * BufferSize ? text.Length : 0;
    }
}
