using System.Runtime.CompilerServices;
using Markdig;

namespace ChatCouncil.Memory.Extraction;

/// <summary>Markdown rendered to plain text by Markdig (headings, lists, tables and code kept as text; markup dropped), one block per line.</summary>
public sealed class MarkdownExtractor : IContentExtractor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public IReadOnlyList<string> ContentTypes { get; } = ["text/markdown", "text/x-markdown"];

    public async IAsyncEnumerable<string> ExtractAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, leaveOpen: true);
        var markdown = await reader.ReadToEndAsync(cancellationToken);
        foreach (var line in Markdown.ToPlainText(markdown, Pipeline).Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return line.TrimEnd();
            }
        }
    }
}
