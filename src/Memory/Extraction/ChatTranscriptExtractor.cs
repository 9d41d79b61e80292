using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ChatCouncil.Memory.Extraction;

/// <summary>
/// A chat transcript (<see cref="ContentType"/>): a JSON array of turns <c>{"author": "...", "text": "...", "time": "..."}</c>
/// (author and time optional), one <c>[time] author: text</c> block per turn.
/// </summary>
public sealed class ChatTranscriptExtractor : IContentExtractor
{
    public const string ContentType = "application/vnd.chatcouncil.transcript+json";

    public IReadOnlyList<string> ContentTypes { get; } = [ContentType];

    public async IAsyncEnumerable<string> ExtractAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var document = await JsonExtractor.ParseAsync(content, cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDocumentException("A chat transcript is a JSON array of turns {\"author\", \"text\", \"time\"}.");
        }

        var lines = new List<string>();
        foreach (var turn in document.RootElement.EnumerateArray())
        {
            if (turn.ValueKind != JsonValueKind.Object || !turn.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDocumentException("Every transcript turn needs a string \"text\".");
            }

            var author = turn.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var time = turn.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var line = (time is null ? string.Empty : $"[{time}] ") + (author is null ? string.Empty : $"{author}: ") + text.GetString();
            if (!string.IsNullOrWhiteSpace(text.GetString()))
            {
                lines.Add(line);
            }
        }

        foreach (var line in lines)
        {
            yield return line;
        }
    }
}
