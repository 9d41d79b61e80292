using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ChatCouncil.Memory.Extraction;

/// <summary>
/// HTML parsed by AngleSharp; the text of the body (or the whole document) with scripts, styles and templates
/// dropped and block elements (paragraphs, headings, list items, cells…) as separate blocks.
/// </summary>
public sealed class HtmlExtractor : IContentExtractor
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "svg" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "dt", "dd", "tr", "td", "th", "pre", "blockquote", "br", "hr", "table", "ul", "ol", "dl", "figure", "figcaption",
    };

    public IReadOnlyList<string> ContentTypes { get; } = ["text/html", "application/xhtml+xml"];

    public async IAsyncEnumerable<string> ExtractAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = await new HtmlParser().ParseDocumentAsync(content, cancellationToken);
        var blocks = new List<string>();
        var current = new StringBuilder();
        Walk((INode?)document.Body ?? document.DocumentElement, current, blocks);
        Flush(current, blocks);
        foreach (var block in blocks)
        {
            yield return block;
        }
    }

    private static void Walk(INode node, StringBuilder current, List<string> blocks)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                current.Append(text.Data);
            }
            else if (child is IElement element && !Skipped.Contains(element.LocalName))
            {
                var isBlock = Blocks.Contains(element.LocalName);
                if (isBlock)
                {
                    Flush(current, blocks);
                }

                Walk(element, current, blocks);
                if (isBlock)
                {
                    Flush(current, blocks);
                }
                else
                {
                    current.Append(' ');
                }
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> blocks)
    {
        var text = string.Join(' ', current.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 0)
        {
            blocks.Add(text);
        }

        current.Clear();
    }
}
