using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ChatCouncil.Memory.Extraction;

/// <summary>
/// JSON as one <c>path: value</c> line per scalar (e.g. <c>owner.name: Ada</c>, <c>tags[1]: ops</c>), so both the
/// field names and the values are searchable.
/// </summary>
public sealed class JsonExtractor : IContentExtractor
{
    public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

    public async IAsyncEnumerable<string> ExtractAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var document = await ParseAsync(content, cancellationToken);
        var lines = new List<string>();
        Walk(document.RootElement, string.Empty, lines);
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    internal static async Task<JsonDocument> ParseAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(content, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDocumentException($"The document is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Walk(JsonElement element, string path, List<string> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", lines);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", lines);
                }

                break;
            case JsonValueKind.String:
                Add(lines, path, element.GetString());
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                Add(lines, path, element.GetRawText());
                break;
        }
    }

    private static void Add(List<string> lines, string path, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(path.Length == 0 ? value : $"{path}: {value}");
        }
    }
}
