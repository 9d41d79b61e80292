using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// One request a fake platform server received, with the status it answered and when it arrived (by the server's
/// clock, before it was answered: two requests a client sent one after the other are at least as far apart here).
/// </summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status, DateTimeOffset ReceivedAt)
{
    /// <summary>The query string, with its leading "?" (empty when none).</summary>
    public string Query { get; init; } = "";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
