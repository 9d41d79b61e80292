using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// One request a fake platform server received, with the status it answered, when the server took it up
/// (<see cref="ReceivedAt"/>) and when it began to answer (<see cref="AnsweredAt"/>), by the server's clock. A client
/// cannot have had the answer before <see cref="AnsweredAt"/>, nor sent its next request after
/// <see cref="ReceivedAt"/> of that one: the difference bounds from below how long the client waited between them.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status, DateTimeOffset ReceivedAt)
{
    public DateTimeOffset AnsweredAt { get; init; }

    /// <summary>The query string, with its leading "?" (empty when none).</summary>
    public string Query { get; init; } = "";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
