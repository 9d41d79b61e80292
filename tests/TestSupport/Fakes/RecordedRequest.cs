using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>One request a fake platform server received, with the status it answered.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
