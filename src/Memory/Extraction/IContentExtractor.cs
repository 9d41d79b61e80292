namespace ChatCouncil.Memory.Extraction;

/// <summary>
/// Turns one kind of document into plain text blocks (paragraphs, lines, cells) for the chunker. Implementations are
/// stateless and thread-safe; content is UTF-8.
/// </summary>
public interface IContentExtractor
{
    /// <summary>The media types handled, lower case, without parameters (e.g. <c>text/markdown</c>).</summary>
    IReadOnlyList<string> ContentTypes { get; }

    IAsyncEnumerable<string> ExtractAsync(Stream content, CancellationToken cancellationToken);
}
