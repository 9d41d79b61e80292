using System.Net.Http.Headers;

namespace ChatCouncil.Memory.Extraction;

/// <summary>Picks the extractor for a content type (parameters such as <c>charset</c> ignored; content is read as UTF-8).</summary>
public sealed class ContentExtractors
{
    private readonly Dictionary<string, IContentExtractor> _byType = new(StringComparer.OrdinalIgnoreCase);

    public ContentExtractors(IEnumerable<IContentExtractor> extractors)
    {
        ArgumentNullException.ThrowIfNull(extractors);
        foreach (var extractor in extractors)
        {
            foreach (var type in extractor.ContentTypes)
            {
                _byType[type] = extractor;
            }
        }
    }

    /// <summary>Plain text, Markdown, HTML, JSON and chat transcripts.</summary>
    public static ContentExtractors Default { get; } = new(
        [new PlainTextExtractor(), new MarkdownExtractor(), new HtmlExtractor(), new JsonExtractor(), new ChatTranscriptExtractor()]);

    public IReadOnlyCollection<string> ContentTypes => _byType.Keys;

    /// <summary>The media type without parameters, lower case; null when the text is not a media type.</summary>
    public static string? Normalize(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } type ? type.ToLowerInvariant() : null;

    /// <exception cref="UnsupportedContentTypeException">No extractor handles it; the message lists those that exist.</exception>
    public IContentExtractor For(string? contentType) =>
        Normalize(contentType) is { } type && _byType.TryGetValue(type, out var extractor)
            ? extractor
            : throw new UnsupportedContentTypeException(
                $"Content type '{contentType}' is not supported; use one of {string.Join(", ", _byType.Keys.Order(StringComparer.Ordinal))}.");
}
