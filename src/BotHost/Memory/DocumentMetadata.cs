using ChatCouncil.Memory.Records;
using Microsoft.AspNetCore.Mvc;

namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// A document's metadata, from the query string of an ingest request: title and link (for citations), the well-known
/// tags, the time, and free tags as repeated <c>tag=key=value</c>.
/// </summary>
public sealed record DocumentMetadata(
    string? Title,
    string? Link,
    string? Source,
    string? Platform,
    string? Channel,
    string? Author,
    DateTimeOffset? Time,
    // Explicit: on POST and PUT an array parameter would otherwise be read from the body.
    [FromQuery(Name = "tag")] string[]? Tag)
{
    /// <exception cref="ArgumentException">A free tag is not key=value, or a key or value breaks the tag rules.</exception>
    public MemoryTags ToTags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Tag ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"Tag '{pair}' is not key=value.");
            }

            tags[pair[..equals]] = pair[(equals + 1)..];
        }

        Put(tags, MemoryTags.SourceKey, Source);
        Put(tags, MemoryTags.PlatformKey, Platform);
        Put(tags, MemoryTags.ChannelKey, Channel);
        Put(tags, MemoryTags.AuthorKey, Author);
        return MemoryTags.FromDictionary(tags, Time);
    }

    private static void Put(Dictionary<string, string> tags, string key, string? value)
    {
        if (value is not null)
        {
            tags[key] = value;
        }
    }
}
